package dev.postbox.jms.jndi;

import java.util.Hashtable;
import java.util.Map;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.spi.InitialContextFactory;

/**
 * JNDI for Java SE clients, in the style of Apache Qpid JMS and ActiveMQ Artemis: a read-only context whose
 * connection factories and destinations are described by properties, given in the {@code InitialContext}
 * environment, in a {@code jndi.properties} on the class path, or in the file named by
 * {@link Context#PROVIDER_URL} (a path, a URL or {@code classpath:resource}):
 *
 * <pre>
 * java.naming.factory.initial = dev.postbox.jms.jndi.PostboxInitialContextFactory
 * connectionFactory.ConnectionFactory = jdbc:postgresql://db.example.com/app?user=app&amp;password=secret
 * connectionFactory.ConnectionFactory.clientID = billing
 * connectionFactory.ConnectionFactory.maxDeliveryAttempts = 5
 * queue.jms/orders = orders
 * topic.jms/news = news
 * </pre>
 *
 * <p>Each {@code connectionFactory.<name>.<property>} sets a JavaBean property of the factory (see
 * {@link dev.postbox.jms.PostboxConnectionFactory}); an unknown property or an unconvertible value is a
 * {@link javax.naming.ConfigurationException} naming it. {@code dynamicQueues/<name>} and
 * {@code dynamicTopics/<name>} look up destinations that are not configured.
 */
public class PostboxInitialContextFactory implements InitialContextFactory {

    /** Creates the factory (JNDI instantiates it by class name). */
    public PostboxInitialContextFactory() {
    }

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) throws NamingException {
        Hashtable<?, ?> env = environment == null ? new Hashtable<>() : environment;
        Map<String, Object> bindings = BindingReader.read(env);
        return new PostboxNamingContext(bindings, env);
    }
}

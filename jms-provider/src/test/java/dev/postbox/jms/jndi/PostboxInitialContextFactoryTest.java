package dev.postbox.jms.jndi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.PostboxQueue;
import dev.postbox.jms.PostboxTopic;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.naming.Binding;
import javax.naming.CompositeName;
import javax.naming.ConfigurationException;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.InvalidNameException;
import javax.naming.NameClassPair;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.NotContextException;
import javax.naming.OperationNotSupportedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The JNDI context and its configuration properties; nothing here connects to a store. */
@Timeout(30)
class PostboxInitialContextFactoryTest {

    private static Context context(Map<String, String> properties) throws NamingException {
        return new PostboxInitialContextFactory().getInitialContext(new Hashtable<>(properties));
    }

    private static Object field(Object bean, String name) throws ReflectiveOperationException {
        Field field = PostboxConnectionFactory.class.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(bean);
    }

    @Test
    void factoriesQueuesAndTopicsAreBoundFromTheInitialContextEnvironment() throws Exception {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, PostboxInitialContextFactory.class.getName());
        env.put("connectionFactory.orders", "jdbc:h2:mem:orders");
        env.put("connectionfactory.local", "");
        env.put("queue.jms/incoming", "incoming");
        env.put("QUEUE.outgoing.v2", "outgoing.v2");
        env.put("topic.prices", "prices");
        env.put("unrelated.property", "ignored");
        InitialContext initial = new InitialContext(env);
        try {
            PostboxConnectionFactory orders = (PostboxConnectionFactory) initial.lookup("orders");
            assertEquals("jdbc:h2:mem:orders", orders.getJdbcUrl());
            assertSame(orders, initial.lookup("orders"));
            assertEquals(PostboxConnectionFactory.DEFAULT_JDBC_URL,
                    ((PostboxConnectionFactory) initial.lookup("local")).getJdbcUrl());
            assertEquals(new PostboxQueue("incoming"), initial.lookup("jms/incoming"));
            assertEquals("outgoing.v2", ((Queue) initial.lookup("outgoing.v2")).getQueueName());
            assertEquals("prices", ((Topic) initial.lookup("prices")).getTopicName());
            assertInstanceOf(ConnectionFactory.class, initial.lookup("ConnectionFactory"), "from jndi.properties");
        } finally {
            initial.close();
        }
    }

    @Test
    void factoryPropertiesAreSetThroughTheBeanSettersWithTypeConversion() throws Exception {
        Map<String, String> properties = new TreeMap<>();
        properties.put("connectionFactory.cf", " jdbc:postgresql://db/app ");
        properties.put("connectionFactory.cf.clientID", "billing");
        properties.put("connectionFactory.cf.user", "app-user");
        properties.put("connectionFactory.cf.password", "app-secret");
        properties.put("connectionFactory.cf.databaseUser", "db-user");
        properties.put("connectionFactory.cf.databasePassword", "db-secret");
        properties.put("connectionFactory.cf.maxDeliveryAttempts", " 5 ");
        properties.put("connectionFactory.cf.redeliveryDelayMillis", "1500");
        properties.put("connectionFactory.cf.redeliveryMultiplier", "1.5");
        properties.put("connectionFactory.cf.autoCreateDestinations", "FALSE");
        properties.put("connectionFactory.cf.DEADLETTERQUEUESUFFIX", ".dead");
        PostboxConnectionFactory factory = (PostboxConnectionFactory) context(properties).lookup("cf");
        assertEquals("jdbc:postgresql://db/app", factory.getJdbcUrl());
        assertEquals("billing", factory.getClientID());
        assertEquals("app-user", factory.getUser());
        assertEquals("app-secret", field(factory, "password"));
        assertEquals("db-user", factory.getDatabaseUser());
        assertEquals("db-secret", field(factory, "databasePassword"));
        assertEquals(5, field(factory, "maxDeliveryAttempts"));
        assertEquals(1500L, field(factory, "redeliveryDelayMillis"));
        assertEquals(1.5, field(factory, "redeliveryMultiplier"));
        assertEquals(false, field(factory, "autoCreateDestinations"));
        assertEquals(".dead", field(factory, "deadLetterQueueSuffix"));
    }

    @Test
    void anUnknownFactoryPropertyIsAConfigurationExceptionNamingIt() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> context(Map.of(
                "connectionFactory.cf", "jdbc:h2:mem:x", "connectionFactory.cf.maxDeliveryAttemps", "5")));
        assertTrue(e.getMessage().contains("'maxDeliveryAttemps'"), e.getMessage());
        assertTrue(e.getMessage().contains("'cf'"), e.getMessage());
        assertTrue(e.getMessage().contains("maxDeliveryAttempts"), "lists the known properties: " + e.getMessage());
        assertTrue(e.getMessage().contains("clientID"), e.getMessage());
    }

    @Test
    void aValueThatDoesNotConvertIsAConfigurationExceptionNamingTheType() {
        for (Map.Entry<String, String> bad : Map.of("maxDeliveryAttempts", "lots", "redeliveryDelayMillis", "1.5",
                "redeliveryMultiplier", "x", "autoCreateDestinations", "yes").entrySet()) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> context(Map.of(
                    "connectionFactory.cf", "", "connectionFactory.cf." + bad.getKey(), bad.getValue())));
            assertTrue(e.getMessage().contains(bad.getKey()) && e.getMessage().contains(bad.getValue()),
                    e.getMessage());
        }
    }

    @Test
    void malformedConfigurationIsAConfigurationException() {
        List<Map<String, String>> invalid = List.of(
                Map.of("connectionFactory.missing.clientID", "x"),
                Map.of("queue.bad", "not a queue name"),
                Map.of("topic.bad", ""),
                Map.of("queue.same", "a", "topic.same", "b"),
                Map.of("connectionFactory.", "jdbc:h2:mem:x"),
                Map.of("queue.", "nameless"),
                Map.of("connectionFactory.artemisStyle", "tcp://localhost:61616"));
        for (Map<String, String> properties : invalid) {
            assertThrows(ConfigurationException.class, () -> context(properties), properties.toString());
        }
        Hashtable<String, Object> notText = new Hashtable<>(Map.of("queue.q", 42));
        assertThrows(ConfigurationException.class, () -> new PostboxInitialContextFactory().getInitialContext(notText));
    }

    @Test
    void dynamicQueuesAndTopicsNeedNoConfiguration() throws Exception {
        Context context = context(Map.of());
        assertEquals(new PostboxQueue("anything"), context.lookup("dynamicQueues/anything"));
        assertEquals(new PostboxTopic("news.eu"), context.lookup("dynamicTopics/news.eu"));
        assertEquals(new PostboxQueue("by-name"), context.lookup(new CompositeName("dynamicQueues/by-name")));
        assertThrows(InvalidNameException.class, () -> context.lookup("dynamicQueues/"));
        assertThrows(InvalidNameException.class, () -> context.lookup("dynamicTopics/not valid"));
    }

    @Test
    void namesAreLookedUpAsStringsOrCompositeNamesAndMissingOnesAreNotFound() throws Exception {
        Context context = context(Map.of("queue.jms/orders", "orders", "topic.news", "news"));
        assertEquals(new PostboxQueue("orders"), context.lookup(new CompositeName("jms/orders")));
        assertEquals(new PostboxQueue("orders"), context.lookupLink("jms/orders"));
        assertEquals(new PostboxTopic("news"), context.lookup(context.getNameParser("").parse("news")));
        NameNotFoundException e = assertThrows(NameNotFoundException.class, () -> context.lookup("jms/missing"));
        assertTrue(e.getMessage().contains("jms/missing"));
        Context same = (Context) context.lookup("");
        assertNotSame(context, same);
        assertEquals(new PostboxTopic("news"), same.lookup("news"));
    }

    @Test
    void theContextIsReadOnly() throws Exception {
        Context context = context(Map.of("queue.q", "q"));
        CompositeName name = new CompositeName("x");
        List<Executable> writes = List.of(() -> context.bind("x", 1), () -> context.bind(name, 1),
                () -> context.rebind("q", 1), () -> context.rebind(name, 1), () -> context.unbind("q"),
                () -> context.unbind(name), () -> context.rename("q", "r"), () -> context.rename(name, name),
                () -> context.createSubcontext("sub"), () -> context.createSubcontext(name),
                () -> context.destroySubcontext("sub"), () -> context.destroySubcontext(name));
        for (Executable write : writes) {
            assertThrows(OperationNotSupportedException.class, write);
        }
        assertEquals(new PostboxQueue("q"), context.lookup("q"));
    }

    @Test
    void listAndListBindingsEnumerateTheBoundObjects() throws Exception {
        Context context = context(Map.of("queue.b", "b", "topic.a", "a", "connectionFactory.c", ""));
        List<String> names = new ArrayList<>();
        for (NameClassPair pair : Collections.list(context.list(""))) {
            names.add(pair.getName() + "=" + pair.getClassName());
        }
        assertEquals(List.of("a=" + PostboxTopic.class.getName(), "b=" + PostboxQueue.class.getName(),
                "c=" + PostboxConnectionFactory.class.getName()), names);
        List<Object> objects = new ArrayList<>();
        for (Binding binding : Collections.list(context.listBindings(new CompositeName()))) {
            objects.add(binding.getObject());
        }
        assertEquals(List.of(new PostboxTopic("a"), new PostboxQueue("b"), context.lookup("c")), objects);
        assertThrows(NotContextException.class, () -> context.list("b"));
        assertThrows(NameNotFoundException.class, () -> context.listBindings("missing"));
    }

    @Test
    void theEnvironmentCanBeReadAndChangedWithoutChangingTheBindings() throws Exception {
        Context context = context(Map.of("queue.q", "q"));
        assertEquals("q", context.getEnvironment().get("queue.q"));
        assertNull(context.addToEnvironment("custom", "1"));
        assertEquals("1", context.addToEnvironment("custom", "2"));
        assertEquals("2", context.getEnvironment().get("custom"));
        assertEquals("2", context.removeFromEnvironment("custom"));
        context.addToEnvironment("queue.late", "late");
        assertThrows(NameNotFoundException.class, () -> context.lookup("late"));
        assertEquals("", context.getNameInNamespace());
        assertEquals("jms/orders", context.composeName("orders", "jms"));
        assertEquals(new CompositeName("a/b/c"), context.composeName(new CompositeName("c"),
                new CompositeName("a/b")));
        context.close();
    }

    @Test
    void theProviderUrlNamesAPropertiesFileThatTheEnvironmentOverrides(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("postbox-jndi.properties");
        Files.writeString(file, "connectionFactory.fromFile = jdbc:h2:mem:file\nqueue.shared = from-file\n");
        for (String location : List.of(file.toString(), file.toUri().toString())) {
            Context context = context(Map.of(Context.PROVIDER_URL, location, "queue.shared", "from-environment"));
            assertEquals("jdbc:h2:mem:file", ((PostboxConnectionFactory) context.lookup("fromFile")).getJdbcUrl());
            assertEquals(new PostboxQueue("from-environment"), context.lookup("shared"));
        }
        Context classpath = context(Map.of(Context.PROVIDER_URL, "classpath:postbox-provider-url.properties"));
        assertEquals("from-file", ((PostboxConnectionFactory) classpath.lookup("fromProviderUrl")).getClientID());
        assertEquals(new PostboxQueue("provider-queue"), classpath.lookup("providerQueue"));
        assertThrows(ConfigurationException.class,
                () -> context(Map.of(Context.PROVIDER_URL, directory.resolve("missing.properties").toString())));
        assertThrows(ConfigurationException.class,
                () -> context(Map.of(Context.PROVIDER_URL, "classpath:missing.properties")));
    }

    @Test
    void theJndiPropertiesOnTheClassPathConfigureANoArgumentInitialContext() throws Exception {
        InitialContext initial = new InitialContext();
        try {
            PostboxConnectionFactory factory = (PostboxConnectionFactory) initial.lookup("ConnectionFactory");
            assertEquals("jdbc:h2:mem:postbox-jndi;DB_CLOSE_DELAY=-1", factory.getJdbcUrl());
            assertEquals(0L, field(factory, "shutdownDelayMillis"));
            assertEquals(new PostboxQueue("orders"), initial.lookup("jms/orders"));
            assertEquals(new PostboxTopic("news"), initial.lookup("jms/news"));
        } finally {
            initial.close();
        }
    }

    @Test
    void aLookedUpFactoryIsSerializableWithItsSettings() throws Exception {
        PostboxConnectionFactory factory = (PostboxConnectionFactory) context(Map.of("connectionFactory.cf",
                "jdbc:h2:mem:serial", "connectionFactory.cf.clientID", "serial",
                "connectionFactory.cf.maxDeliveryAttempts", "7", "connectionFactory.cf.password", "pw")).lookup("cf");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(factory);
            out.writeObject(new PostboxQueue("q"));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            PostboxConnectionFactory copy = (PostboxConnectionFactory) in.readObject();
            assertEquals("jdbc:h2:mem:serial", copy.getJdbcUrl());
            assertEquals("serial", copy.getClientID());
            assertEquals(7, field(copy, "maxDeliveryAttempts"));
            assertEquals("pw", field(copy, "password"));
            assertEquals(new PostboxQueue("q"), in.readObject());
        }
    }
}

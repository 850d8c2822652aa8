package dev.postbox.it.app;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.resource.AdministeredObjectDefinition;
import jakarta.resource.ConnectionFactoryDefinition;

/**
 * Sends through resources the application defines itself (no server configuration): a pooled connection
 * factory of the {@code postbox} adapter and two of its admin objects, as the resource-adapter README shows.
 */
@ConnectionFactoryDefinition(name = "java:app/jms/definedFactory", interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = "postbox", minPoolSize = 0, maxPoolSize = 4)
@AdministeredObjectDefinition(name = "java:app/jms/definedQueue", interfaceName = "jakarta.jms.Queue",
        className = "dev.postbox.ra.admin.PostboxQueueAdminObject", resourceAdapter = "postbox",
        properties = "name=it.orders")
@AdministeredObjectDefinition(name = "java:app/jms/newsTopic", interfaceName = "jakarta.jms.Topic",
        className = "dev.postbox.ra.admin.PostboxTopicAdminObject", resourceAdapter = "postbox",
        properties = "name=it.news")
@Stateless
public class DefinedResourceSender {

    @Resource(lookup = "java:app/jms/definedFactory")
    ConnectionFactory factory;

    @Resource(lookup = "java:app/jms/definedQueue")
    Queue queue;

    @Resource(lookup = "java:app/jms/newsTopic")
    Topic topic;

    /** Sends a text to the defined queue; returns its JMSMessageID. */
    public String sendToQueue(String text) throws jakarta.jms.JMSException {
        return send(queue, text);
    }

    /** Publishes a text on the defined topic; returns its JMSMessageID. */
    public String publish(String text) throws jakarta.jms.JMSException {
        return send(topic, text);
    }

    private String send(Destination destination, String text) throws jakarta.jms.JMSException {
        try (JMSContext context = factory.createContext()) {
            TextMessage message = context.createTextMessage(text);
            context.createProducer().send(destination, message);
            return message.getJMSMessageID();
        }
    }
}

package dev.postbox.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.postbox.it.app.DefinedResourceSender;
import dev.postbox.it.app.Inbox;
import dev.postbox.it.app.OrderSender;
import jakarta.ejb.EJB;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A message travels from an EJB through the resource adapter's connection factory to an MDB: with the
 * server's resources, with resources the application defines by annotations, and through a topic.
 */
@ExtendWith(ArquillianExtension.class)
class MessagingIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "postbox-it.war")
                .addPackage(OrderSender.class.getPackage())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @EJB
    OrderSender sender;

    @EJB
    DefinedResourceSender definedSender;

    @EJB
    Inbox inbox;

    @Test
    void aMessageSentFromAnEjbIsConsumedOnceByTheMessageDrivenBean() throws Exception {
        String id = sender.send("it.orders", "order-1");
        List<Inbox.Received> deliveries = inbox.await("order-1", 1, Duration.ofSeconds(30));
        assertEquals(1, deliveries.size(), "deliveries of order-1");
        Inbox.Received received = deliveries.get(0);
        assertEquals(id, received.messageId());
        assertEquals(1, received.deliveryCount());
        assertFalse(received.redelivered());
    }

    @Test
    void aConnectionFactoryAndAQueueDefinedByAnnotationsSendThroughTheAdapter() throws Exception {
        String id = definedSender.sendToQueue("order-defined");
        List<Inbox.Received> deliveries = inbox.await("order-defined", 1, Duration.ofSeconds(30));
        assertEquals(1, deliveries.size(), "deliveries of order-defined");
        assertEquals("orders", deliveries.get(0).listener(), "the queue admin object names it.orders");
        assertEquals(id, deliveries.get(0).messageId());
    }

    @Test
    void aTopicMessageDrivenBeanGetsEachPublishedMessageOnce() throws Exception {
        String first = definedSender.publish("news-1");
        String second = definedSender.publish("news-2");
        List<Inbox.Received> one = inbox.await("news-1", 1, Duration.ofSeconds(30));
        List<Inbox.Received> two = inbox.await("news-2", 1, Duration.ofSeconds(30));
        assertEquals(List.of("news"), one.stream().map(Inbox.Received::listener).toList());
        assertEquals(List.of("news"), two.stream().map(Inbox.Received::listener).toList());
        assertEquals(List.of(first, second), List.of(one.get(0).messageId(), two.get(0).messageId()));
        assertEquals(1, one.get(0).deliveryCount());
        assertFalse(two.get(0).redelivered());
    }
}

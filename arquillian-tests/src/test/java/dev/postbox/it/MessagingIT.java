package dev.postbox.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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

/** A message travels from an EJB through the resource adapter's connection factory to an MDB. */
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
}

package dev.postbox.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.it.app.Inbox;
import dev.postbox.it.app.OrderSender;
import dev.postbox.it.app.QueueReader;
import dev.postbox.it.mdb.ConcurrencyProbe;
import dev.postbox.it.mdb.FailingListener;
import dev.postbox.it.mdb.Orders;
import dev.postbox.it.mdb.TxOperations;
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
 * The Postbox adapter in the container: message-driven beans (redelivery, dead-lettering, rollback,
 * concurrency, exactly-once) and sends/receives inside JTA transactions.
 */
@ExtendWith(ArquillianExtension.class)
class ResourceAdapterIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "postbox-mdb-it.war")
                .addPackage(OrderSender.class.getPackage())
                .addPackage(FailingListener.class.getPackage())
                .addAsResource("it/persistence.xml", "META-INF/persistence.xml")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @EJB
    OrderSender sender;

    @EJB
    Inbox inbox;

    @EJB
    QueueReader reader;

    @EJB
    ConcurrencyProbe probe;

    @EJB
    Orders orders;

    @EJB
    TxOperations tx;

    @Test
    void aFailingBeanGetsTheMessageAgainWithGrowingDeliveryCountThenItIsDeadLetteredWithItsReason()
            throws Exception {
        sender.send("it.failing", "poison-1");
        List<Inbox.Received> deliveries = inbox.await("poison-1", 3, Duration.ofSeconds(30));
        assertEquals(List.of(1, 2, 3), deliveries.stream().map(Inbox.Received::deliveryCount).toList());
        assertEquals(List.of(false, true, true), deliveries.stream().map(Inbox.Received::redelivered).toList());

        QueueReader.Read dead = reader.receive("it.failing.DLQ", 20_000);
        assertNotNull(dead, "the message reached it.failing.DLQ");
        assertEquals("poison-1", dead.text());
        String reason = dead.properties().get("JMS_Postbox_DeadLetterReason");
        assertTrue(reason.contains("java.lang.IllegalStateException: boom on purpose"), reason);
        assertTrue(reason.contains("after 3 delivery attempts"), reason);
        assertEquals("it.failing", dead.properties().get("JMS_Postbox_DeadLetterOrigin"));
        assertEquals(3, inbox.deliveriesOf("poison-1").size(), "no fourth delivery");
    }

    @Test
    void setRollbackOnlyRedeliversTheMessage() throws Exception {
        sender.send("it.rollback", "undo-1");
        List<Inbox.Received> deliveries = inbox.await("undo-1", 2, Duration.ofSeconds(30));
        assertEquals(2, deliveries.size());
        assertFalse(deliveries.get(0).redelivered());
        assertTrue(deliveries.get(1).redelivered());
        assertEquals(2, deliveries.get(1).deliveryCount());
        assertEquals(null, reader.receive("it.rollback.DLQ", 200));
    }

    @Test
    void upToMaxSessionDeliveriesRunAtOnce() throws Exception {
        for (int i = 0; i < 8; i++) {
            sender.send("it.concurrent", "parallel-" + i);
        }
        for (int i = 0; i < 8; i++) {
            assertEquals(1, inbox.await("parallel-" + i, 1, Duration.ofSeconds(60)).size(), "parallel-" + i);
        }
        assertEquals(4, probe.mostRunning(), "most concurrent deliveries (maxSession=4)");
    }

    @Test
    void theBusinessRowAndTheConsumeCommitOrRollBackTogether() throws Exception {
        sender.send("it.exactly", "order-ok");
        assertEquals(1, inbox.await("order-ok", 1, Duration.ofSeconds(30)).size());
        sender.send("it.exactly", "fail-order");
        assertEquals(2, inbox.await("fail-order", 2, Duration.ofSeconds(30)).size());
        assertNotNull(reader.receive("it.exactly.DLQ", 20_000), "the failing order was dead-lettered");
        assertEquals(1, orders.count("order-ok"), "committed delivery wrote its row once");
        assertEquals(0, orders.count("fail-order"), "rolled-back deliveries left no row");
        assertEquals(1, inbox.deliveriesOf("order-ok").size(), "the committed order was not redelivered");
    }

    @Test
    void aSendInARolledBackTransactionIsNeverDelivered() throws Exception {
        tx.send("it.tx.send", "ghost", true);
        tx.sendWithContext("it.tx.send", "ghost-context", true);
        tx.send("it.tx.send", "marker", false);
        QueueReader.Read first = reader.receive("it.tx.send", 20_000);
        assertNotNull(first);
        assertEquals("marker", first.text(), "the rolled-back sends before the marker were never stored");
        assertEquals(null, reader.receive("it.tx.send", 500));
    }

    @Test
    void aSendInACommittedTransactionIsDeliveredOnceAfterTheCommit() throws Exception {
        tx.sendWithContext("it.tx.commit", "committed-context", false);
        assertEquals("committed-context", reader.receive("it.tx.commit", 20_000).text());
    }

    @Test
    void aReceiveInARolledBackTransactionIsRedelivered() throws Exception {
        sender.send("it.tx.receive", "again");
        assertEquals("again", tx.receive("it.tx.receive", true));
        QueueReader.Read redelivered = reader.receive("it.tx.receive", 20_000);
        assertNotNull(redelivered, "the rolled-back receive gave the message back");
        assertEquals("again", redelivered.text());
        assertTrue(redelivered.redelivered());
        assertEquals(2, redelivered.deliveryCount());
    }

    @Test
    void aReceiveInACommittedTransactionConsumesTheMessage() throws Exception {
        sender.send("it.tx.consume", "once");
        assertEquals("once", tx.receive("it.tx.consume", false));
        assertEquals(null, reader.receive("it.tx.consume", 1_000));
    }

    @Test
    void theApplicationsRowAndItsSendCommitOrRollBackTogether() throws Exception {
        tx.writeAndSend("it.tx.both", "both-rolled-back", true);
        tx.writeAndSend("it.tx.both", "both-committed", false);
        QueueReader.Read delivered = reader.receive("it.tx.both", 20_000);
        assertEquals("both-committed", delivered.text());
        assertEquals(null, reader.receive("it.tx.both", 500));
        assertEquals(0, orders.count("both-rolled-back"));
        assertEquals(1, orders.count("both-committed"));
    }
}

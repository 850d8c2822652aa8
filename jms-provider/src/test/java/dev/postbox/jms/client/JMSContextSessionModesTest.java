package dev.postbox.jms.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(60)
class JMSContextSessionModesTest {

    private ContextFixture fixture;
    private JMSContext setup;
    private Queue queue;

    @AfterEach
    void tearDown() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private ContextFixture fixture(TestDatabase.Kind kind) {
        fixture = new ContextFixture(kind);
        setup = fixture.open(JMSContext.AUTO_ACKNOWLEDGE);
        queue = setup.createQueue("modes");
        return fixture;
    }

    private void sendTexts(String... texts) {
        JMSProducer producer = setup.createProducer();
        for (String text : texts) {
            producer.send(queue, text);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void commitStoresTheSendsAndAcknowledgesTheReceivesOfTheTransaction(TestDatabase.Kind kind) throws Exception {
        ContextFixture f = fixture(kind);
        sendTexts("in");
        JMSContext transacted = f.open(JMSContext.SESSION_TRANSACTED);
        Queue out = transacted.createQueue("modes-out");
        assertEquals("in", transacted.createConsumer(queue).receiveBody(String.class, 5_000));
        transacted.createProducer().send(out, "out");
        assertNull(setup.createConsumer(out).receiveNoWait(), "not visible before commit");
        transacted.commit();
        assertEquals("out", setup.createConsumer(out).receiveBody(String.class, 5_000));
        assertEquals(0, f.storedMessages());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void rollbackDropsTheSendsAndRedeliversTheReceives(TestDatabase.Kind kind) throws Exception {
        ContextFixture f = fixture(kind);
        sendTexts("in");
        JMSContext transacted = f.open(JMSContext.SESSION_TRANSACTED);
        JMSConsumer consumer = transacted.createConsumer(queue);
        assertEquals("in", consumer.receiveBody(String.class, 5_000));
        transacted.createProducer().send(queue, "dropped");
        transacted.rollback();
        Message again = consumer.receive(5_000);
        assertEquals("in", again.getBody(String.class));
        assertTrue(again.getJMSRedelivered());
        assertEquals(2, again.getIntProperty("JMSXDeliveryCount"));
        assertNull(consumer.receiveNoWait());
        transacted.commit();
        assertEquals(0, f.storedMessages());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void commitAndRollbackOutsideATransactionAreIllegalState(TestDatabase.Kind kind) {
        ContextFixture f = fixture(kind);
        for (int mode : new int[] {JMSContext.AUTO_ACKNOWLEDGE, JMSContext.CLIENT_ACKNOWLEDGE,
                JMSContext.DUPS_OK_ACKNOWLEDGE}) {
            JMSContext context = f.open(mode);
            assertThrows(IllegalStateRuntimeException.class, context::commit);
            assertThrows(IllegalStateRuntimeException.class, context::rollback);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void recoverInATransactionIsIllegalState(TestDatabase.Kind kind) {
        ContextFixture f = fixture(kind);
        JMSContext transacted = f.open(JMSContext.SESSION_TRANSACTED);
        assertThrows(IllegalStateRuntimeException.class, transacted::recover);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void acknowledgeOnTheContextAcknowledgesEverythingItsSessionConsumed(TestDatabase.Kind kind) throws Exception {
        ContextFixture f = fixture(kind);
        Queue other = setup.createQueue("modes-other");
        sendTexts("a", "b");
        setup.createProducer().send(other, "c");
        JMSContext client = f.open(JMSContext.CLIENT_ACKNOWLEDGE);
        JMSConsumer first = client.createConsumer(queue);
        JMSConsumer second = client.createConsumer(other);
        assertNotNull(first.receive(5_000));
        assertNotNull(first.receive(5_000));
        assertNotNull(second.receive(5_000));
        assertEquals(3, f.storedMessages(), "in flight until acknowledged");
        client.acknowledge();
        assertEquals(0, f.storedMessages());
        client.recover();
        assertNull(first.receiveNoWait());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void recoverRedeliversWhatWasNotAcknowledgedMarkedRedelivered(TestDatabase.Kind kind) throws Exception {
        ContextFixture f = fixture(kind);
        sendTexts("one", "two");
        JMSContext client = f.open(JMSContext.CLIENT_ACKNOWLEDGE);
        JMSConsumer consumer = client.createConsumer(queue);
        assertFalse(consumer.receive(5_000).getJMSRedelivered());
        assertFalse(consumer.receive(5_000).getJMSRedelivered());
        client.recover();
        TextMessage one = (TextMessage) consumer.receive(5_000);
        TextMessage two = (TextMessage) consumer.receive(5_000);
        assertEquals("one", one.getText());
        assertEquals("two", two.getText());
        assertTrue(one.getJMSRedelivered());
        assertEquals(2, two.getIntProperty("JMSXDeliveryCount"));
        two.acknowledge();
        assertEquals(0, f.storedMessages());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void acknowledgeHasNoEffectOutsideClientAcknowledge(TestDatabase.Kind kind) throws Exception {
        ContextFixture f = fixture(kind);
        sendTexts("kept in the transaction");
        JMSContext transacted = f.open(JMSContext.SESSION_TRANSACTED);
        JMSConsumer consumer = transacted.createConsumer(queue);
        assertNotNull(consumer.receive(5_000));
        transacted.acknowledge();
        transacted.rollback();
        assertTrue(consumer.receive(5_000).getJMSRedelivered());
        transacted.commit();

        JMSContext auto = f.open(JMSContext.AUTO_ACKNOWLEDGE);
        assertDoesNotThrow(auto::acknowledge);
        JMSContext dupsOk = f.open(JMSContext.DUPS_OK_ACKNOWLEDGE);
        assertDoesNotThrow(dupsOk::acknowledge);
        assertEquals(0, f.storedMessages());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void closingAClientAcknowledgeContextRedeliversWhatWasNotAcknowledged(TestDatabase.Kind kind) {
        ContextFixture f = fixture(kind);
        sendTexts("unacknowledged");
        JMSContext client = f.open(JMSContext.CLIENT_ACKNOWLEDGE);
        Message received = client.createConsumer(queue).receive(5_000);
        client.close();
        assertThrows(jakarta.jms.IllegalStateException.class, received::acknowledge);
        Message again = setup.createConsumer(queue).receive(5_000);
        assertNotNull(again);
        assertTrue(assertDoesNotThrow(again::getJMSRedelivered));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void dupsOkAcknowledgesInTheBackground(TestDatabase.Kind kind) throws Exception {
        ContextFixture f = fixture(kind);
        sendTexts("1", "2", "3");
        JMSContext dupsOk = f.open(JMSContext.DUPS_OK_ACKNOWLEDGE);
        JMSConsumer consumer = dupsOk.createConsumer(queue);
        for (String expected : new String[] {"1", "2", "3"}) {
            assertEquals(expected, consumer.receiveBody(String.class, 5_000));
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> f.storedMessages() == 0);
    }
}

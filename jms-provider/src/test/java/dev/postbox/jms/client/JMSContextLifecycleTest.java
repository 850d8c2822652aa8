package dev.postbox.jms.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.testing.Brokers;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(60)
class JMSContextLifecycleTest {

    private static final List<Integer> MODES = List.of(JMSContext.SESSION_TRANSACTED, JMSContext.AUTO_ACKNOWLEDGE,
            JMSContext.CLIENT_ACKNOWLEDGE, JMSContext.DUPS_OK_ACKNOWLEDGE);

    private ContextFixture fixture;

    @AfterEach
    void tearDown() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private ContextFixture fixture(TestDatabase.Kind kind) {
        fixture = new ContextFixture(kind);
        return fixture;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void everySessionModeCanBeChosenOnTheFactoryAndOnAContext(TestDatabase.Kind kind) {
        ContextFixture f = fixture(kind);
        JMSContext first = f.track(f.factory().createContext());
        assertEquals(JMSContext.AUTO_ACKNOWLEDGE, first.getSessionMode());
        for (int mode : MODES) {
            JMSContext own = f.open(mode);
            JMSContext shared = f.track(first.createContext(mode));
            assertEquals(mode, own.getSessionMode());
            assertEquals(mode, shared.getSessionMode());
            assertEquals(mode == JMSContext.SESSION_TRANSACTED, own.getTransacted());
            assertEquals(mode == JMSContext.SESSION_TRANSACTED, shared.getTransacted());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anInvalidSessionModeIsAJMSRuntimeException(TestDatabase.Kind kind) {
        ContextFixture f = fixture(kind);
        PostboxConnectionFactory factory = f.factory();
        for (int invalid : new int[] {-1, 4, 99, Integer.MIN_VALUE}) {
            assertThrows(JMSRuntimeException.class, () -> factory.createContext(invalid));
            assertThrows(JMSRuntimeException.class, () -> factory.createContext("user", "pw", invalid));
        }
        JMSContext context = f.open(JMSContext.AUTO_ACKNOWLEDGE);
        assertThrows(JMSRuntimeException.class, () -> context.createContext(5));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theClientIdCanBeSetRightAfterCreationButNotAfterAnyOtherAction(TestDatabase.Kind kind) {
        ContextFixture f = fixture(kind);
        JMSContext context = f.open(JMSContext.AUTO_ACKNOWLEDGE);
        assertNull(context.getClientID());
        context.setClientID("orders-app");
        assertEquals("orders-app", context.getClientID());
        assertThrows(IllegalStateRuntimeException.class, () -> context.setClientID("other"));

        JMSContext used = f.open(JMSContext.AUTO_ACKNOWLEDGE);
        used.createTextMessage("first action");
        assertThrows(IllegalStateRuntimeException.class, () -> used.setClientID("too-late"));

        JMSContext producing = f.open(JMSContext.AUTO_ACKNOWLEDGE);
        producing.createProducer();
        assertThrows(IllegalStateRuntimeException.class, () -> producing.setClientID("too-late-too"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aClientIdInUseByAnotherConnectionIsAnInvalidClientIdRuntimeException(TestDatabase.Kind kind) {
        ContextFixture f = fixture(kind);
        f.open(JMSContext.AUTO_ACKNOWLEDGE).setClientID("unique");
        JMSContext second = f.open(JMSContext.AUTO_ACKNOWLEDGE);
        assertThrows(InvalidClientIDRuntimeException.class, () -> second.setClientID("unique"));
        assertThrows(InvalidClientIDRuntimeException.class, () -> f.open(JMSContext.AUTO_ACKNOWLEDGE).setClientID(""));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aClientIdConfiguredOnTheFactoryCannotBeChanged(TestDatabase.Kind kind) {
        ContextFixture f = fixture(kind);
        PostboxConnectionFactory configured = Brokers.factory(f.database());
        configured.setClientID("configured");
        JMSContext context = f.track(configured.createContext());
        assertEquals("configured", context.getClientID());
        assertThrows(IllegalStateRuntimeException.class, () -> context.setClientID("other"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void contextsCreatedFromAContextShareItsConnection(TestDatabase.Kind kind) {
        ContextFixture f = fixture(kind);
        JMSContext first = f.open(JMSContext.AUTO_ACKNOWLEDGE);
        first.setClientID("shared-connection");
        JMSContext second = f.track(first.createContext(JMSContext.CLIENT_ACKNOWLEDGE));
        assertEquals("shared-connection", second.getClientID());
        assertThrows(IllegalStateRuntimeException.class, () -> second.setClientID("other"));

        TemporaryQueue temporary = first.createTemporaryQueue();
        JMSConsumer consumer = second.createConsumer(temporary);
        first.createProducer().send(temporary, "through the shared connection");
        assertEquals("through the shared connection", consumer.receiveBody(String.class, 5_000));

        JMSContext separate = f.open(JMSContext.AUTO_ACKNOWLEDGE);
        assertThrows(InvalidDestinationRuntimeException.class, () -> separate.createConsumer(temporary));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theSharedConnectionClosesWithTheLastContextUsingIt(TestDatabase.Kind kind) {
        ContextFixture f = fixture(kind);
        JMSContext first = f.open(JMSContext.AUTO_ACKNOWLEDGE);
        JMSContext second = f.track(first.createContext(JMSContext.AUTO_ACKNOWLEDGE));
        JMSContext third = f.track(second.createContext(JMSContext.AUTO_ACKNOWLEDGE));
        TemporaryQueue temporary = first.createTemporaryQueue();
        JMSContext outsider = f.open(JMSContext.AUTO_ACKNOWLEDGE);

        first.close();
        assertThrows(IllegalStateRuntimeException.class, () -> first.createContext(JMSContext.AUTO_ACKNOWLEDGE));
        outsider.createProducer().send(temporary, "still there");
        assertEquals("still there", second.createConsumer(temporary).receiveBody(String.class, 5_000));

        second.close();
        outsider.createProducer().send(temporary, "still there after the second close");
        assertNotNull(third.createConsumer(temporary).receive(5_000));

        third.close();
        assertThrows(InvalidDestinationRuntimeException.class,
                () -> outsider.createProducer().send(temporary, "the connection and its temporary queue are gone"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void closingTwiceIsAllowedAndEveryOtherMethodOfAClosedContextThrows(TestDatabase.Kind kind) {
        ContextFixture f = fixture(kind);
        JMSContext context = f.open(JMSContext.CLIENT_ACKNOWLEDGE);
        Queue queue = context.createQueue("closed");
        context.close();
        assertDoesNotThrow(context::close);
        List<Executable> calls = List.of(context::createProducer, context::getClientID,
                () -> context.setClientID("x"), context::getMetaData, context::getExceptionListener,
                () -> context.setExceptionListener(null), context::start, context::stop,
                () -> context.setAutoStart(false), context::getAutoStart, context::createMessage,
                context::createBytesMessage, context::createMapMessage, context::createObjectMessage,
                () -> context.createObjectMessage("x"), context::createStreamMessage, context::createTextMessage,
                () -> context.createTextMessage("x"), context::getTransacted, context::getSessionMode,
                context::commit, context::rollback, context::recover, context::acknowledge,
                () -> context.createConsumer(queue), () -> context.createConsumer(queue, "a = 1"),
                () -> context.createConsumer(queue, null, false), () -> context.createQueue("q"),
                () -> context.createTopic("t"), context::createTemporaryQueue, context::createTemporaryTopic,
                () -> context.createBrowser(queue), () -> context.createBrowser(queue, "a = 1"),
                () -> context.unsubscribe("s"), () -> context.createContext(JMSContext.AUTO_ACKNOWLEDGE));
        for (Executable call : calls) {
            assertThrows(IllegalStateRuntimeException.class, call);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void closingAContextClosesItsConsumersAndEndsAPendingReceive(TestDatabase.Kind kind) throws Exception {
        ContextFixture f = fixture(kind);
        JMSContext context = f.open(JMSContext.AUTO_ACKNOWLEDGE);
        JMSConsumer consumer = context.createConsumer(context.createQueue("nothing-arrives"));
        AtomicReference<Object> outcome = new AtomicReference<>("not returned");
        Thread receiver = new Thread(() -> outcome.set(consumer.receive()));
        receiver.start();
        await().atMost(10, TimeUnit.SECONDS).until(() -> receiver.getState() == Thread.State.TIMED_WAITING
                || receiver.getState() == Thread.State.WAITING);
        context.close();
        receiver.join(10_000);
        assertNull(outcome.get());
        assertDoesNotThrow(consumer::close);
        assertThrows(IllegalStateRuntimeException.class, consumer::receiveNoWait);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void creatingAConsumerStartsTheConnectionUnlessAutoStartIsOff(TestDatabase.Kind kind) {
        ContextFixture f = fixture(kind);
        JMSContext sender = f.open(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = sender.createQueue("autostart");
        sender.createProducer().send(queue, "one").send(queue, "two");

        JMSContext manual = f.open(JMSContext.AUTO_ACKNOWLEDGE);
        assertTrue(manual.getAutoStart());
        manual.setAutoStart(false);
        assertFalse(manual.getAutoStart());
        JMSConsumer stopped = manual.createConsumer(queue);
        assertNull(stopped.receiveNoWait());
        manual.start();
        assertEquals("one", stopped.receiveBody(String.class, 5_000));
        stopped.close();

        JMSContext automatic = f.open(JMSContext.AUTO_ACKNOWLEDGE);
        assertEquals("two", automatic.createConsumer(queue).receiveBody(String.class, 5_000));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void stopHoldsDeliveryBackUntilStart(TestDatabase.Kind kind) {
        ContextFixture f = fixture(kind);
        JMSContext context = f.open(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = context.createQueue("stop-start");
        JMSConsumer consumer = context.createConsumer(queue);
        context.stop();
        context.stop();
        context.createProducer().send(queue, "held");
        assertNull(consumer.receive(300));
        context.start();
        assertEquals("held", consumer.receiveBody(String.class, 5_000));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theExceptionListenerAndMetaDataAreTheConnections(TestDatabase.Kind kind) throws Exception {
        ContextFixture f = fixture(kind);
        JMSContext context = f.open(JMSContext.AUTO_ACKNOWLEDGE);
        JMSContext sibling = f.track(context.createContext(JMSContext.AUTO_ACKNOWLEDGE));
        ExceptionListener listener = e -> { };
        assertNull(context.getExceptionListener());
        context.setExceptionListener(listener);
        assertSame(listener, context.getExceptionListener());
        assertSame(listener, sibling.getExceptionListener());
        context.setExceptionListener(null);
        assertNull(sibling.getExceptionListener());

        ConnectionMetaData metaData = context.getMetaData();
        assertEquals("3.1", metaData.getJMSVersion());
        assertEquals(3, metaData.getJMSMajorVersion());
        assertEquals(1, metaData.getJMSMinorVersion());
        assertTrue(Collections.list(metaData.getJMSXPropertyNames()).containsAll(
                List.of("JMSXDeliveryCount", "JMSXGroupID", "JMSXGroupSeq")));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void closingATransactedContextRollsItsWorkBack(TestDatabase.Kind kind) throws Exception {
        ContextFixture f = fixture(kind);
        JMSContext setup = f.open(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = setup.createQueue("rolled-back-on-close");
        setup.createProducer().send(queue, "consumed then rolled back");

        JMSContext transacted = f.open(JMSContext.SESSION_TRANSACTED);
        assertNotNull(transacted.createConsumer(queue).receive(5_000));
        transacted.createProducer().send(queue, "never committed");
        transacted.close();

        assertEquals(1, f.storedMessages());
        TextMessage again = (TextMessage) setup.createConsumer(queue).receive(5_000);
        assertEquals("consumed then rolled back", again.getText());
        assertTrue(again.getJMSRedelivered());
    }
}

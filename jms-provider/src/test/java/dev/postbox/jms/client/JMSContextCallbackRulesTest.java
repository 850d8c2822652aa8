package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.CompletionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a MessageListener or CompletionListener may call on its own JMSContext (JMSContext Javadoc of close,
 * stop, commit and rollback).
 */
@Timeout(60)
class JMSContextCallbackRulesTest {

    private static final Object NO_FAILURE = "no failure";

    private ContextFixture fixture;

    @AfterEach
    void tearDown() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** Runs the action inside a MessageListener of the context and returns what it threw (or NO_FAILURE). */
    private Object inMessageListener(JMSContext context, Queue queue, Consumer<Message> action) throws Exception {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        JMSConsumer consumer = context.createConsumer(queue);
        consumer.setMessageListener(message -> {
            try {
                action.accept(message);
                outcome.complete(NO_FAILURE);
            } catch (RuntimeException e) {
                outcome.complete(e);
            }
        });
        context.createProducer().send(queue, "trigger");
        try {
            return outcome.get(20, TimeUnit.SECONDS);
        } finally {
            consumer.close();
        }
    }

    /** Runs the action inside the CompletionListener of an asynchronous send of the context. */
    private Object inCompletionListener(JMSContext context, Queue queue, Runnable action) throws Exception {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        context.createProducer().setAsync(new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                try {
                    action.run();
                    outcome.complete(NO_FAILURE);
                } catch (RuntimeException e) {
                    outcome.complete(e);
                }
            }

            @Override
            public void onException(Message message, Exception exception) {
                outcome.complete(exception);
            }
        }).send(queue, "trigger");
        return outcome.get(20, TimeUnit.SECONDS);
    }

    private JMSContext open(TestDatabase.Kind kind, int mode) {
        if (fixture == null) {
            fixture = new ContextFixture(kind);
        }
        return fixture.open(mode);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMessageListenerCannotCloseOrStopItsOwnContext(TestDatabase.Kind kind) throws Exception {
        JMSContext context = open(kind, JMSContext.AUTO_ACKNOWLEDGE);
        JMSContext sibling = fixture.track(context.createContext(JMSContext.AUTO_ACKNOWLEDGE));
        Queue queue = context.createQueue("listener-rules");
        assertInstanceOf(IllegalStateRuntimeException.class, inMessageListener(context, queue, m -> context.close()));
        assertInstanceOf(IllegalStateRuntimeException.class, inMessageListener(context, queue, m -> context.stop()));
        assertInstanceOf(IllegalStateRuntimeException.class, inMessageListener(context, queue, m -> sibling.stop()));
        context.createProducer().send(queue, "the context is still usable");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMessageListenerMayCloseAnotherContextOnItsConnectionAndItsOwnConsumer(TestDatabase.Kind kind)
            throws Exception {
        JMSContext context = open(kind, JMSContext.AUTO_ACKNOWLEDGE);
        JMSContext sibling = fixture.track(context.createContext(JMSContext.AUTO_ACKNOWLEDGE));
        Queue queue = context.createQueue("listener-rules");
        assertEquals(NO_FAILURE, inMessageListener(context, queue, m -> sibling.close()));

        CompletableFuture<Object> closed = new CompletableFuture<>();
        JMSConsumer consumer = context.createConsumer(queue);
        consumer.setMessageListener(m -> {
            consumer.close();
            closed.complete(NO_FAILURE);
        });
        context.createProducer().send(queue, "close yourself");
        assertEquals(NO_FAILURE, closed.get(20, TimeUnit.SECONDS));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMessageListenerMayCommitItsTransactedContext(TestDatabase.Kind kind) throws Exception {
        JMSContext context = open(kind, JMSContext.SESSION_TRANSACTED);
        JMSContext checker = fixture.open(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = checker.createQueue("listener-commit");
        Queue out = checker.createQueue("listener-commit-out");
        checker.createProducer().send(queue, "in");
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        context.createConsumer(queue).setMessageListener(m -> {
            try {
                context.createProducer().send(out, "out");
                context.commit();
                outcome.complete(NO_FAILURE);
            } catch (RuntimeException e) {
                outcome.complete(e);
            }
        });
        assertEquals(NO_FAILURE, outcome.get(20, TimeUnit.SECONDS));
        assertEquals("out", checker.createConsumer(out).receiveBody(String.class, 5_000));
        assertNull(checker.createConsumer(queue).receiveNoWait());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aCompletionListenerCannotCloseCommitOrRollBackItsOwnContext(TestDatabase.Kind kind) throws Exception {
        JMSContext context = open(kind, JMSContext.SESSION_TRANSACTED);
        Queue queue = context.createQueue("completion-rules");
        assertInstanceOf(IllegalStateRuntimeException.class, inCompletionListener(context, queue, context::close));
        assertInstanceOf(IllegalStateRuntimeException.class, inCompletionListener(context, queue, context::commit));
        assertInstanceOf(IllegalStateRuntimeException.class, inCompletionListener(context, queue, context::rollback));
        context.commit();
        JMSContext auto = fixture.open(JMSContext.AUTO_ACKNOWLEDGE);
        assertInstanceOf(IllegalStateRuntimeException.class, inCompletionListener(auto, queue, auto::close));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aCompletionListenerMayStopItsContextAndUseOtherContexts(TestDatabase.Kind kind) throws Exception {
        JMSContext context = open(kind, JMSContext.AUTO_ACKNOWLEDGE);
        JMSContext other = fixture.open(JMSContext.SESSION_TRANSACTED);
        Queue queue = context.createQueue("completion-allowed");
        assertEquals(NO_FAILURE, inCompletionListener(context, queue, context::stop));
        assertEquals(NO_FAILURE, inCompletionListener(context, queue, () -> {
            other.createProducer().send(queue, "from a callback");
            other.commit();
        }));
        context.start();
        JMSConsumer consumer = context.createConsumer(queue);
        for (int i = 0; i < 3; i++) {
            assertTrue(consumer.receive(5_000) != null, "message " + i);
        }
    }
}

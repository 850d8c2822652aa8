package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The topic methods of JMSContext (createDurableConsumer, createSharedConsumer, createSharedDurableConsumer,
 * unsubscribe, createTemporaryTopic): the same rules as the classic session, reported with the runtime twins
 * of its checked exceptions.
 */
@Timeout(120)
class JMSContextTopicTest {

    private static final long ARRIVES_MILLIS = 10_000;
    private static final long QUIET_MILLIS = 400;

    private ContextFixture fixture;

    @AfterEach
    void tearDown() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private JMSContext context(TestDatabase.Kind kind, int mode) {
        fixture = new ContextFixture(kind);
        return fixture.open(mode);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDurableConsumerNeedsTheClientIdentifier(TestDatabase.Kind kind) {
        JMSContext context = context(kind, JMSContext.AUTO_ACKNOWLEDGE);
        Topic topic = context.createTopic("ctx-needs-id");
        assertThrows(IllegalStateRuntimeException.class, () -> context.createDurableConsumer(topic, "d"));
        assertThrows(IllegalStateRuntimeException.class,
                () -> context.createDurableConsumer(topic, "d", null, false));
        JMSContext identified = fixture.open(JMSContext.AUTO_ACKNOWLEDGE);
        identified.setClientID("ctx-client");
        JMSConsumer consumer = identified.createDurableConsumer(topic, "d");
        identified.createProducer().send(topic, "durable via context");
        assertEquals("durable via context", consumer.receiveBody(String.class, ARRIVES_MILLIS));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void everySubscriptionKindDeliversThroughAContext(TestDatabase.Kind kind) throws Exception {
        JMSContext context = context(kind, JMSContext.AUTO_ACKNOWLEDGE);
        context.setClientID("ctx-all");
        Topic topic = context.createTopic("ctx-kinds");
        JMSConsumer plain = context.createConsumer(topic);
        JMSConsumer durable = context.createDurableConsumer(topic, "durable", "n > 0", false);
        JMSConsumer shared = context.createSharedConsumer(topic, "shared");
        JMSConsumer sharedSelected = context.createSharedConsumer(topic, "shared-selected", "n > 1");
        JMSConsumer sharedDurable = context.createSharedDurableConsumer(topic, "shared-durable");
        JMSConsumer sharedDurableSelected = context.createSharedDurableConsumer(topic, "sd-selected", "n > 1");
        context.createProducer().setProperty("n", 1).send(topic, "one");

        for (JMSConsumer consumer : new JMSConsumer[] {plain, durable, shared, sharedDurable}) {
            assertEquals("one", consumer.receiveBody(String.class, ARRIVES_MILLIS));
        }
        assertNull(sharedSelected.receiveBody(String.class, QUIET_MILLIS));
        assertNull(sharedDurableSelected.receiveBody(String.class, QUIET_MILLIS));
        assertEquals(6, count("SELECT COUNT(*) FROM pb_destination WHERE kind = 'SUBSCRIPTION'"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void unsubscribeThroughAContextFollowsTheSessionRules(TestDatabase.Kind kind) throws Exception {
        JMSContext context = context(kind, JMSContext.CLIENT_ACKNOWLEDGE);
        context.setClientID("ctx-unsubscriber");
        Topic topic = context.createTopic("ctx-unsubscribe");
        assertThrows(InvalidDestinationRuntimeException.class, () -> context.unsubscribe("never-created"));
        JMSConsumer consumer = context.createDurableConsumer(topic, "d");
        assertThrows(IllegalStateRuntimeException.class, () -> context.unsubscribe("d"),
                "not while a consumer is active");
        context.createProducer().send(topic, "unacknowledged");
        assertEquals("unacknowledged", consumer.receiveBody(String.class, ARRIVES_MILLIS));
        consumer.close();
        assertThrows(IllegalStateRuntimeException.class, () -> context.unsubscribe("d"),
                "not while a message received from it is unacknowledged");
        context.acknowledge();
        context.unsubscribe("d");
        assertEquals(0, count("SELECT COUNT(*) FROM pb_destination WHERE kind = 'SUBSCRIPTION'"));

        context.createSharedDurableConsumer(topic, "sd").close();
        context.unsubscribe("sd");
        assertThrows(InvalidDestinationRuntimeException.class, () -> context.unsubscribe("sd"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theSubscriptionRulesAreReportedWithRuntimeExceptions(TestDatabase.Kind kind) throws Exception {
        JMSContext context = context(kind, JMSContext.AUTO_ACKNOWLEDGE);
        context.setClientID("ctx-rules");
        Topic topic = context.createTopic("ctx-rules");
        String invalid = "n >< 1";
        assertThrows(InvalidSelectorRuntimeException.class, () -> context.createConsumer(topic, invalid));
        assertThrows(InvalidSelectorRuntimeException.class, () -> context.createConsumer(topic, invalid, true));
        assertThrows(InvalidSelectorRuntimeException.class,
                () -> context.createDurableConsumer(topic, "d", invalid, false));
        assertThrows(InvalidSelectorRuntimeException.class, () -> context.createSharedConsumer(topic, "s", invalid));
        assertThrows(InvalidSelectorRuntimeException.class,
                () -> context.createSharedDurableConsumer(topic, "sd", invalid));
        assertThrows(InvalidDestinationRuntimeException.class, () -> context.createDurableConsumer(null, "d"));
        assertThrows(InvalidDestinationRuntimeException.class, () -> context.createSharedConsumer(null, "s"));
        assertThrows(InvalidDestinationRuntimeException.class, () -> context.createSharedDurableConsumer(null, "s"));
        TemporaryTopic temporary = context.createTemporaryTopic();
        assertThrows(InvalidDestinationRuntimeException.class, () -> context.createDurableConsumer(temporary, "d"));

        context.createDurableConsumer(topic, "d");
        assertThrows(IllegalStateRuntimeException.class, () -> context.createDurableConsumer(topic, "d"),
                "an unshared durable subscription has one active consumer");
        assertThrows(JMSRuntimeException.class, () -> context.createSharedDurableConsumer(topic, "d"),
                "a shared durable subscription may not take an unshared one's name");
        context.createSharedConsumer(topic, "s", "n = 1");
        assertThrows(JMSRuntimeException.class, () -> context.createSharedConsumer(topic, "s", "n = 2"),
                "an active shared subscription keeps its selector");
        assertEquals(2, count("SELECT COUNT(*) FROM pb_destination WHERE kind = 'SUBSCRIPTION'"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void creatingASubscriptionConsumerStartsTheConnectionUnlessAutoStartIsOff(TestDatabase.Kind kind) {
        JMSContext context = context(kind, JMSContext.AUTO_ACKNOWLEDGE);
        Topic topic = context.createTopic("ctx-autostart");
        JMSConsumer started = context.createSharedConsumer(topic, "auto");
        context.createProducer().send(topic, "delivered at once");
        assertEquals("delivered at once", started.receiveBody(String.class, ARRIVES_MILLIS));

        JMSContext manual = fixture.open(JMSContext.AUTO_ACKNOWLEDGE);
        manual.setAutoStart(false);
        JMSConsumer waiting = manual.createSharedDurableConsumer(topic, "manual");
        manual.createProducer().send(topic, "after start");
        assertNull(waiting.receiveBody(String.class, QUIET_MILLIS), "the connection is not started");
        manual.start();
        assertEquals("after start", waiting.receiveBody(String.class, ARRIVES_MILLIS));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void noLocalSkipsWhatAnyContextOfTheSameConnectionPublishes(TestDatabase.Kind kind) {
        JMSContext context = context(kind, JMSContext.AUTO_ACKNOWLEDGE);
        Topic topic = context.createTopic("ctx-nolocal");
        JMSConsumer quiet = context.createConsumer(topic, null, true);
        context.createProducer().send(topic, "own context");
        JMSContext sibling = fixture.track(context.createContext(JMSContext.AUTO_ACKNOWLEDGE));
        sibling.createProducer().send(topic, "same connection");
        fixture.open(JMSContext.AUTO_ACKNOWLEDGE).createProducer().send(topic, "other connection");
        assertEquals("other connection", quiet.receiveBody(String.class, ARRIVES_MILLIS));
        assertNull(quiet.receiveBody(String.class, QUIET_MILLIS));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aContextsTemporaryTopicEndsWithItsConnection(TestDatabase.Kind kind) throws Exception {
        JMSContext context = context(kind, JMSContext.AUTO_ACKNOWLEDGE);
        TemporaryTopic temporary = context.createTemporaryTopic();
        JMSConsumer consumer = context.createConsumer(temporary);
        fixture.open(JMSContext.AUTO_ACKNOWLEDGE).createProducer().send(temporary, "to the temporary topic");
        assertEquals("to the temporary topic", consumer.receiveBody(String.class, ARRIVES_MILLIS));
        JMSContext foreign = fixture.open(JMSContext.AUTO_ACKNOWLEDGE);
        assertThrows(InvalidDestinationRuntimeException.class, () -> foreign.createConsumer(temporary));
        context.close();
        assertEquals(0, count("SELECT COUNT(*) FROM pb_destination WHERE temporary = TRUE"));
    }

    private long count(String sql) throws Exception {
        try (java.sql.Connection c = fixture.database().connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

package dev.postbox.jms.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Browsing, reading, deleting and moving messages with the management API on a real store. */
@Timeout(120)
class MessageOperationsTest {

    /** Fails the test if anything ever deserializes it. */
    static final class Tripwire implements Serializable {
        private static final long serialVersionUID = 1L;
        final String payload = "x".repeat(100);

        private void readObject(ObjectInputStream in) throws IOException {
            throw new AssertionError("the management API deserialized an ObjectMessage body");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void browsesPageByPageInDeliveryOrderWithPropertiesAndBodyPreviews(TestDatabase.Kind kind) throws Exception {
        try (ManagementFixture f = new ManagementFixture(kind)) {
            Session session = f.connect().createSession(Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("mixed"));
            TextMessage text = session.createTextMessage("hello <b>operator</b>");
            text.setStringProperty("customer", "ACME");
            text.setIntProperty("attempt", 7);
            text.setJMSCorrelationID("corr-1");
            text.setJMSType("greeting");
            producer.send(text, jakarta.jms.DeliveryMode.PERSISTENT, 4, 0);
            BytesMessage bytes = session.createBytesMessage();
            bytes.writeBytes(new byte[] {(byte) 0xCA, (byte) 0xFE, 0x00, 0x41});
            producer.send(bytes, jakarta.jms.DeliveryMode.NON_PERSISTENT, 9, 0);
            MapMessage map = session.createMapMessage();
            map.setString("sku", "A-1");
            map.setLong("qty", 3);
            producer.send(map, jakarta.jms.DeliveryMode.PERSISTENT, 4, 0);
            producer.send(session.createObjectMessage(new Tripwire()), jakarta.jms.DeliveryMode.PERSISTENT, 1, 0);
            StreamMessage stream = session.createStreamMessage();
            stream.writeBoolean(true);
            stream.writeString("s");
            producer.send(stream, jakarta.jms.DeliveryMode.PERSISTENT, 4, 0);

            List<MessageInfo> all = new ArrayList<>();
            MessagePage page = f.management.browse("mixed", null, 2);
            int pages = 1;
            all.addAll(page.messages());
            while (page.next() != null) {
                page = f.management.browse("mixed", page.next(), 2);
                all.addAll(page.messages());
                pages++;
            }

            assertEquals(3, pages);
            assertEquals(List.of("BYTES", "TEXT", "MAP", "STREAM", "OBJECT"),
                    all.stream().map(m -> m.body().type()).toList(), "priority first, then arrival");
            MessageInfo bytesInfo = all.get(0);
            assertEquals("hex", bytesInfo.body().encoding());
            assertEquals("ca fe 00 41", bytesInfo.body().content());
            assertEquals("NON_PERSISTENT", bytesInfo.headers().deliveryMode());
            assertEquals(9, bytesInfo.headers().priority());
            MessageInfo textInfo = all.get(1);
            assertEquals("hello <b>operator</b>", textInfo.body().content());
            assertEquals("corr-1", textInfo.headers().correlationId());
            assertEquals("greeting", textInfo.headers().type());
            assertNotNull(textInfo.headers().messageId());
            assertTrue(textInfo.properties().contains(new NamedValue("customer", "String", "ACME")));
            assertTrue(textInfo.properties().contains(new NamedValue("attempt", "Integer", "7")));
            assertEquals(DeliveryState.State.AVAILABLE, textInfo.delivery().state());
            assertEquals(0, textInfo.delivery().deliveryCount());
            assertEquals(List.of(new NamedValue("sku", "String", "A-1"), new NamedValue("qty", "Long", "3")),
                    all.get(2).body().entries());
            assertEquals(List.of(new NamedValue("0", "Boolean", "true"), new NamedValue("1", "String", "s")),
                    all.get(3).body().entries());
            MessageInfo object = all.get(4);
            assertTrue(object.body().content().matches("ObjectMessage \\(\\d+ bytes\\)"), object.body().content());
            assertEquals(object.body().content(),
                    f.management.getMessage("mixed", object.id()).body().content(), "never deserialized");
            assertThrows(ManagementException.InvalidRequest.class, () -> f.management.browse("mixed", null, 0));
            assertThrows(ManagementException.InvalidRequest.class, () -> f.management.browse("mixed", "x", 10));
            assertThrows(ManagementException.NotFound.class, () -> f.management.browse("nope", null, 10));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void readsOneMessageInFullWithItsInFlightOrDelayedState(TestDatabase.Kind kind) throws Exception {
        try (ManagementFixture f = new ManagementFixture(kind)) {
            String longText = "0123456789".repeat(50);
            f.sendText("states", longText);
            Session session = f.connect().createSession(Session.CLIENT_ACKNOWLEDGE);
            MessageProducer delayed = session.createProducer(session.createQueue("states"));
            delayed.setDeliveryDelay(3_600_000);
            delayed.send(session.createTextMessage("later"));
            assertNotNull(session.createConsumer(session.createQueue("states")).receive(10_000));

            List<MessageInfo> browsed = f.management.browse("states", null, 10).messages();
            MessageInfo inFlight = browsed.get(0);
            assertTrue(inFlight.body().truncated());
            assertEquals(200, inFlight.body().content().length());
            assertEquals(DeliveryState.State.IN_FLIGHT, inFlight.delivery().state());
            assertNotNull(inFlight.delivery().node());
            assertEquals(1, inFlight.delivery().deliveryCount());
            MessageInfo later = browsed.get(1);
            assertEquals(DeliveryState.State.DELAYED, later.delivery().state());
            assertTrue(later.delivery().until().isAfter(java.time.Instant.now().plusSeconds(3_000)));

            MessageInfo full = f.management.getMessage("states", inFlight.id());

            assertEquals(longText, full.body().content());
            assertFalse(full.body().truncated());
            assertThrows(ManagementException.NotFound.class, () -> f.management.getMessage("states", 987_654_321L));
            f.management.createQueue("elsewhere", null);
            assertThrows(ManagementException.NotFound.class,
                    () -> f.management.getMessage("elsewhere", inFlight.id()));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void deletesAMessageButNotOneInFlight(TestDatabase.Kind kind) throws Exception {
        try (ManagementFixture f = new ManagementFixture(kind)) {
            f.sendText("del", "first", "second");
            Session session = f.connect().createSession(Session.CLIENT_ACKNOWLEDGE);
            TextMessage taken = (TextMessage) session.createConsumer(session.createQueue("del")).receive(10_000);
            assertEquals("first", taken.getText());
            List<MessageInfo> messages = f.management.browse("del", null, 10).messages();

            ManagementException.Conflict busy = assertThrows(ManagementException.Conflict.class,
                    () -> f.management.deleteMessage("del", messages.get(0).id()));
            assertTrue(busy.getMessage().contains("in flight on node"), busy.getMessage());
            f.management.deleteMessage("del", messages.get(1).id());

            assertEquals(List.of(messages.get(0).id()),
                    f.management.browse("del", null, 10).messages().stream().map(MessageInfo::id).toList());
            assertThrows(ManagementException.NotFound.class,
                    () -> f.management.deleteMessage("del", messages.get(1).id()));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void movesAMessageToAnotherQueueWhereAWaitingConsumerGetsIt(TestDatabase.Kind kind) throws Exception {
        try (ManagementFixture f = new ManagementFixture(kind)) {
            f.sendText("from", "travelling");
            f.management.createQueue("to", null);
            Connection connection = f.connect();
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue to = session.createQueue("to");
            var consumer = session.createConsumer(to);
            assertNull(consumer.receiveNoWait());
            long id = f.management.browse("from", null, 1).messages().get(0).id();

            assertThrows(ManagementException.NotFound.class, () -> f.management.moveMessage("from", id, "missing"));
            assertThrows(ManagementException.InvalidRequest.class, () -> f.management.moveMessage("from", id, "from"));
            f.management.moveMessage("from", id, "to");

            TextMessage moved = (TextMessage) consumer.receive(10_000);
            assertEquals("travelling", moved.getText());
            assertEquals(0, f.queue("from").total());
            assertThrows(ManagementException.NotFound.class, () -> f.management.moveMessage("from", id, "to"));
        }
    }
}

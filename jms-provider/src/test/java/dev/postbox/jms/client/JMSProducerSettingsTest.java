package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.PostboxQueue;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The JMSProducer's own state: properties with message property rules, settings and header values (no store). */
@Timeout(60)
class JMSProducerSettingsTest {

    private ContextFixture fixture;
    private JMSProducer producer;

    @BeforeEach
    void setUp() {
        fixture = new ContextFixture(TestDatabase.Kind.H2);
        producer = fixture.open(JMSContext.AUTO_ACKNOWLEDGE).createProducer();
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void propertiesOfEveryTypeAreReadBackAsTheyWereSet() {
        JMSProducer returned = producer.setProperty("aBoolean", true).setProperty("aByte", (byte) 1)
                .setProperty("aShort", (short) 2).setProperty("anInt", 3).setProperty("aLong", 4L)
                .setProperty("aFloat", 5.5f).setProperty("aDouble", 6.5).setProperty("aString", "seven")
                .setProperty("anObject", Integer.valueOf(8));
        assertSame(producer, returned);
        assertTrue(producer.getBooleanProperty("aBoolean"));
        assertEquals(1, producer.getByteProperty("aByte"));
        assertEquals(2, producer.getShortProperty("aShort"));
        assertEquals(3, producer.getIntProperty("anInt"));
        assertEquals(4L, producer.getLongProperty("aLong"));
        assertEquals(5.5f, producer.getFloatProperty("aFloat"));
        assertEquals(6.5, producer.getDoubleProperty("aDouble"));
        assertEquals("seven", producer.getStringProperty("aString"));
        assertEquals(8, producer.getObjectProperty("anObject"));
        assertEquals(Short.valueOf((short) 2), producer.getObjectProperty("aShort"));
        assertEquals(9, producer.getPropertyNames().size());
    }

    @Test
    void readsConvertAsTheMessagePropertyTableAllows() {
        producer.setProperty("b", (byte) 7).setProperty("s", "12").setProperty("f", 1.5f).setProperty("flag", true)
                .setProperty("text", "not a number");
        assertEquals(7, producer.getShortProperty("b"));
        assertEquals(7L, producer.getLongProperty("b"));
        assertEquals("7", producer.getStringProperty("b"));
        assertEquals(12, producer.getIntProperty("s"));
        assertEquals(12.0, producer.getDoubleProperty("s"));
        assertEquals(1.5, producer.getDoubleProperty("f"));
        assertEquals("true", producer.getStringProperty("flag"));
        assertThrows(MessageFormatRuntimeException.class, () -> producer.getIntProperty("flag"));
        assertThrows(MessageFormatRuntimeException.class, () -> producer.getBooleanProperty("b"));
        assertThrows(MessageFormatRuntimeException.class, () -> producer.getByteProperty("f"));
        assertThrows(MessageFormatRuntimeException.class, () -> producer.getFloatProperty("b"));
        assertThrows(NumberFormatException.class, () -> producer.getIntProperty("text"));
    }

    @Test
    void aMissingPropertyReadsAsANullValue() {
        assertFalse(producer.getBooleanProperty("missing"));
        assertThrows(NumberFormatException.class, () -> producer.getByteProperty("missing"));
        assertThrows(NumberFormatException.class, () -> producer.getShortProperty("missing"));
        assertThrows(NumberFormatException.class, () -> producer.getIntProperty("missing"));
        assertThrows(NumberFormatException.class, () -> producer.getLongProperty("missing"));
        assertThrows(NullPointerException.class, () -> producer.getFloatProperty("missing"));
        assertThrows(NullPointerException.class, () -> producer.getDoubleProperty("missing"));
        assertNull(producer.getStringProperty("missing"));
        assertNull(producer.getObjectProperty("missing"));
        assertFalse(producer.propertyExists("missing"));
        assertFalse(producer.propertyExists(null));
    }

    @Test
    void anInvalidNameIsAnIllegalArgumentAndAnInvalidValueAMessageFormatError() {
        for (String name : new String[] {null, "", "1st", "with space", "NULL", "and", "JMSType", "JMSPriority"}) {
            assertThrows(IllegalArgumentException.class, () -> producer.setProperty(name, "v"), String.valueOf(name));
            assertThrows(IllegalArgumentException.class, () -> producer.setProperty(name, 1), String.valueOf(name));
        }
        assertThrows(MessageFormatRuntimeException.class, () -> producer.setProperty("date", new Date()));
        assertThrows(MessageFormatRuntimeException.class, () -> producer.setProperty("bytes", new byte[1]));
        assertThrows(MessageFormatRuntimeException.class, () -> producer.setProperty("character", (Object) 'c'));
        assertTrue(producer.getPropertyNames().isEmpty());
    }

    @Test
    void typedJmsxPropertiesKeepTheirTableType() {
        producer.setProperty("JMSXGroupID", "group").setProperty("JMSXGroupSeq", (short) 3);
        assertEquals(3, producer.getObjectProperty("JMSXGroupSeq"));
        assertThrows(MessageFormatRuntimeException.class, () -> producer.setProperty("JMSXGroupSeq", "three"));
    }

    @Test
    void propertyNamesAreALiveUnmodifiableViewAndClearPropertiesEmptiesIt() {
        Set<String> names = producer.getPropertyNames();
        producer.setProperty("one", 1).setProperty("two", 2);
        assertEquals(Set.of("one", "two"), names);
        assertThrows(UnsupportedOperationException.class, () -> names.add("three"));
        assertThrows(UnsupportedOperationException.class, () -> names.remove("one"));
        assertTrue(producer.propertyExists("one"));
        assertSame(producer, producer.clearProperties());
        assertTrue(names.isEmpty());
        assertFalse(producer.propertyExists("one"));
    }

    @Test
    void settingsHaveTheSpecifiedDefaultsAndRejectInvalidValues() {
        assertEquals(DeliveryMode.PERSISTENT, producer.getDeliveryMode());
        assertEquals(Message.DEFAULT_PRIORITY, producer.getPriority());
        assertEquals(Message.DEFAULT_TIME_TO_LIVE, producer.getTimeToLive());
        assertEquals(Message.DEFAULT_DELIVERY_DELAY, producer.getDeliveryDelay());
        assertFalse(producer.getDisableMessageID());
        assertFalse(producer.getDisableMessageTimestamp());
        assertNull(producer.getAsync());

        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT).setPriority(9).setTimeToLive(1_000)
                .setDeliveryDelay(2_000).setDisableMessageID(true).setDisableMessageTimestamp(true);
        assertEquals(DeliveryMode.NON_PERSISTENT, producer.getDeliveryMode());
        assertEquals(9, producer.getPriority());
        assertEquals(1_000, producer.getTimeToLive());
        assertEquals(2_000, producer.getDeliveryDelay());
        assertTrue(producer.getDisableMessageID());
        assertTrue(producer.getDisableMessageTimestamp());

        assertThrows(JMSRuntimeException.class, () -> producer.setDeliveryMode(0));
        assertThrows(JMSRuntimeException.class, () -> producer.setPriority(10));
        assertThrows(JMSRuntimeException.class, () -> producer.setPriority(-1));
        assertEquals(DeliveryMode.NON_PERSISTENT, producer.getDeliveryMode());
        assertEquals(9, producer.getPriority());
    }

    @Test
    void anAsyncListenerIsKeptUntilReplacedByNull() {
        CompletionListener listener = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
            }

            @Override
            public void onException(Message message, Exception exception) {
            }
        };
        assertSame(listener, producer.setAsync(listener).getAsync());
        assertNull(producer.setAsync(null).getAsync());
    }

    @Test
    void headerValuesAreKeptAndTheCorrelationIdConvertsBetweenStringAndBytes() {
        PostboxQueue replyTo = new PostboxQueue("replies");
        producer.setJMSType("order").setJMSReplyTo(replyTo).setJMSCorrelationID("corr-1");
        assertEquals("order", producer.getJMSType());
        assertEquals(replyTo, producer.getJMSReplyTo());
        assertEquals("corr-1", producer.getJMSCorrelationID());
        assertArrayEquals("corr-1".getBytes(StandardCharsets.UTF_8), producer.getJMSCorrelationIDAsBytes());

        byte[] bytes = {1, 2, 3};
        producer.setJMSCorrelationIDAsBytes(bytes);
        bytes[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, producer.getJMSCorrelationIDAsBytes());
        producer.getJMSCorrelationIDAsBytes()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, producer.getJMSCorrelationIDAsBytes());
        producer.setJMSCorrelationID(null);
        assertNull(producer.getJMSCorrelationID());
        assertNull(producer.getJMSCorrelationIDAsBytes());
    }
}

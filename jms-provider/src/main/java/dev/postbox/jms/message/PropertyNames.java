package dev.postbox.jms.message;

import jakarta.jms.MessageFormatException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rules for property names and for the Jakarta Messaging defined {@code JMSX} properties.
 *
 * <p>A property name must be a message selector identifier (Jakarta Messaging 3.1, sections 3.5.1 and
 * 3.8.1.1): a Java identifier that is not {@code NULL}, {@code TRUE}, {@code FALSE}, {@code NOT},
 * {@code AND}, {@code OR}, {@code BETWEEN}, {@code LIKE}, {@code IN}, {@code IS} or {@code ESCAPE} (in any
 * case, since selector keywords are case-insensitive) and is not a header field name such as
 * {@code JMSType} (a selector would read the header, never the property).
 *
 * <p>{@code JMSX} names listed in table 3-3 keep the type the table gives them: a value of another type is
 * rejected with {@link MessageFormatException}, except that narrower integral values are widened
 * ({@code setShortProperty("JMSXGroupSeq", 2)} stores the int 2). Applications may set any of them (the
 * specification reserves the prefix but does not forbid it, and bridges copy them between providers); the
 * provider overwrites those it sets itself, such as {@code JMSXDeliveryCount} on receive. Other
 * {@code JMSX} names are stored like application properties.
 */
public final class PropertyNames {

    /** The number of delivery attempts, set by the provider on receive (int). */
    public static final String JMSX_DELIVERY_COUNT = "JMSXDeliveryCount";
    /** The message group, set by the application (String). */
    public static final String JMSX_GROUP_ID = "JMSXGroupID";
    /** The sequence number within the group, set by the application (int). */
    public static final String JMSX_GROUP_SEQ = "JMSXGroupSeq";

    /** The JMSX properties Postbox supports, for {@code ConnectionMetaData.getJMSXPropertyNames()}. */
    public static final List<String> SUPPORTED_JMSX_NAMES = List.of(JMSX_GROUP_ID, JMSX_GROUP_SEQ, JMSX_DELIVERY_COUNT);

    private static final Set<String> RESERVED_WORDS = Set.of(
            "NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE");

    private static final Set<String> HEADER_NAMES = Set.of(
            "JMSDestination", "JMSDeliveryMode", "JMSExpiration", "JMSDeliveryTime", "JMSPriority",
            "JMSMessageID", "JMSTimestamp", "JMSCorrelationID", "JMSReplyTo", "JMSType", "JMSRedelivered");

    private static final Map<String, Class<?>> JMSX_TYPES = Map.of(
            "JMSXUserID", String.class,
            "JMSXAppID", String.class,
            JMSX_DELIVERY_COUNT, Integer.class,
            JMSX_GROUP_ID, String.class,
            JMSX_GROUP_SEQ, Integer.class,
            "JMSXProducerTXID", String.class,
            "JMSXConsumerTXID", String.class,
            "JMSXRcvTimestamp", Long.class,
            "JMSXState", Integer.class);

    private static final Set<String> SET_ON_RECEIVE = Set.of(JMSX_DELIVERY_COUNT, "JMSXConsumerTXID", "JMSXRcvTimestamp");

    private PropertyNames() {
    }

    /**
     * Checks a property name.
     *
     * @throws IllegalArgumentException naming the rule the name breaks
     */
    public static void check(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("Property name must not be null or empty");
        }
        if (!Character.isJavaIdentifierStart(name.charAt(0))) {
            throw new IllegalArgumentException("Property name is not a valid identifier: " + name);
        }
        for (int i = 1; i < name.length(); i++) {
            if (!Character.isJavaIdentifierPart(name.charAt(i))) {
                throw new IllegalArgumentException("Property name is not a valid identifier: " + name);
            }
        }
        if (RESERVED_WORDS.contains(name.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Property name is a message selector reserved word: " + name);
        }
        if (HEADER_NAMES.contains(name)) {
            throw new IllegalArgumentException("Property name is a message header field name: " + name);
        }
    }

    /** True for the JMSX properties table 3-3 says the provider sets on receive: they describe one delivery. */
    static boolean isSetOnReceive(String name) {
        return SET_ON_RECEIVE.contains(name);
    }

    /** The type table 3-3 gives a JMSX property, or null for any other name. */
    static Class<?> jmsxType(String name) {
        return JMSX_TYPES.get(name);
    }

    /**
     * Returns the value to store for a property: unchanged, or for a typed JMSX property the value widened to
     * the property's type.
     *
     * @throws MessageFormatException when a typed JMSX property is given a value of an incompatible type
     */
    static Object coerce(String name, Object value) throws MessageFormatException {
        Class<?> type = jmsxType(name);
        if (type == null || value == null || type.isInstance(value)) {
            return value;
        }
        boolean integral = value instanceof Byte || value instanceof Short || value instanceof Integer;
        if (type == Integer.class && integral) {
            return ((Number) value).intValue();
        }
        if (type == Long.class && integral) {
            return ((Number) value).longValue();
        }
        throw new MessageFormatException("Property " + name + " holds a " + type.getSimpleName()
                + " (Jakarta Messaging table 3-3); a " + value.getClass().getSimpleName() + " cannot be stored in it");
    }
}

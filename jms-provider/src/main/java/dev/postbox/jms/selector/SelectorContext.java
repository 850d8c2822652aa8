package dev.postbox.jms.selector;

/**
 * What a message exposes to a message selector.
 *
 * <p>Implementations return, for an identifier used in a selector, the value the Jakarta Messaging
 * specification (section 3.8.1.1) assigns to it:
 * <ul>
 *   <li>header fields {@code JMSDeliveryMode} (the strings {@code "PERSISTENT"} / {@code "NON_PERSISTENT"}),
 *       {@code JMSPriority} (Integer), {@code JMSMessageID}, {@code JMSTimestamp} (Long),
 *       {@code JMSCorrelationID}, {@code JMSType} (Strings) &mdash; the only header fields section 3.8.1.1 lets
 *       a selector reference; a selector naming any other header, such as {@code JMSDeliveryTime} or
 *       {@code JMSDestination}, is rejected when parsed, so it is never asked for here;</li>
 *   <li>{@code JMSX*} properties such as {@code JMSXDeliveryCount} (Integer), {@code JMSXGroupID};</li>
 *   <li>any application property, as the boxed Java value it was set with
 *       (Boolean, Byte, Short, Integer, Long, Float, Double, String).</li>
 * </ul>
 * An identifier with no value returns {@code null} (the selector treats it as SQL NULL / unknown). A value of
 * any other type is treated as unknown too, except that {@code IS NULL} sees it as present.
 * Implementations must not throw for unknown names. Called from one thread at a time per instance; a selector may
 * ask for the same identifier more than once while evaluating one message.
 */
public interface SelectorContext {

    /** The value of the identifier, or {@code null} when the message has none. */
    Object identifierValue(String identifier);
}

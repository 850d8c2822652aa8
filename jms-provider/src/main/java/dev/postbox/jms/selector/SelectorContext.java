package dev.postbox.jms.selector;

/**
 * What a message exposes to a message selector.
 *
 * <p>Implementations return, for an identifier used in a selector, the value the Jakarta Messaging
 * specification (section 3.8.1.1) assigns to it:
 * <ul>
 *   <li>header fields {@code JMSDeliveryMode} (the strings {@code "PERSISTENT"} / {@code "NON_PERSISTENT"}),
 *       {@code JMSPriority} (Integer), {@code JMSMessageID}, {@code JMSTimestamp} (Long),
 *       {@code JMSCorrelationID}, {@code JMSType}, {@code JMSDeliveryTime} (Long);</li>
 *   <li>{@code JMSX*} properties such as {@code JMSXDeliveryCount} (Integer), {@code JMSXGroupID};</li>
 *   <li>any application property, as the boxed Java value it was set with
 *       (Boolean, Byte, Short, Integer, Long, Float, Double, String).</li>
 * </ul>
 * An identifier with no value returns {@code null} (the selector treats it as SQL NULL / unknown).
 * Implementations must not throw for unknown names. Called from one thread at a time per instance.
 */
public interface SelectorContext {

    /** The value of the identifier, or {@code null} when the message has none. */
    Object identifierValue(String identifier);
}

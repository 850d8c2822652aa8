package dev.postbox.jms.selector;

import java.util.Map;

/**
 * Which names a selector may reference (Jakarta Messaging 3.1, section 3.8.1.1): the six header fields
 * JMSDeliveryMode, JMSPriority, JMSMessageID, JMSTimestamp, JMSCorrelationID and JMSType; JMS defined properties
 * ({@code JMSX...}); provider-specific properties ({@code JMS_...}); and application properties (names not
 * beginning with {@code JMS}). Any other name beginning with {@code JMS}, such as JMSDestination, JMSReplyTo,
 * JMSRedelivered, JMSExpiration or JMSDeliveryTime, is rejected when the selector is parsed.
 */
final class IdentifierRules {

    /** The selectable header fields and the type each has in a selector (JMSDeliveryMode is a string there). */
    private static final Map<String, ValueType> HEADER_FIELDS = Map.of(
            "JMSDeliveryMode", ValueType.STRING,
            "JMSPriority", ValueType.NUMERIC,
            "JMSMessageID", ValueType.STRING,
            "JMSTimestamp", ValueType.NUMERIC,
            "JMSCorrelationID", ValueType.STRING,
            "JMSType", ValueType.STRING);

    private IdentifierRules() {
    }

    /**
     * The identifier for a name read at {@code position}.
     *
     * @throws SelectorSyntaxException for a {@code JMS} name that is neither a selectable header field nor a
     *                                 JMSX or JMS_ property
     */
    static Identifier identifier(String name, int position) {
        ValueType headerType = HEADER_FIELDS.get(name);
        if (headerType != null) {
            return new Identifier(name, headerType);
        }
        if (name.startsWith("JMS") && !name.startsWith("JMSX") && !name.startsWith("JMS_")) {
            throw new SelectorSyntaxException(position, "identifier '" + name + "' cannot be used in a selector:"
                    + " the only header fields a selector may reference are JMSDeliveryMode, JMSPriority,"
                    + " JMSMessageID, JMSTimestamp, JMSCorrelationID and JMSType, and other names beginning with"
                    + " 'JMS' must begin with 'JMSX' or 'JMS_'");
        }
        return new Identifier(name, ValueType.ANY);
    }
}

package dev.postbox.jms.client;

/**
 * The per-send settings of a {@code JMSProducer}, applied to the context's anonymous producer for one send.
 *
 * @param deliveryMode {@code DeliveryMode.PERSISTENT} or {@code NON_PERSISTENT}
 * @param priority 0 to 9
 * @param timeToLive milliseconds, 0 for unlimited
 * @param deliveryDelay milliseconds
 * @param disableMessageId whether {@code JMSMessageID} may be left null
 * @param disableMessageTimestamp whether {@code JMSTimestamp} may be left 0
 */
record SendSettings(int deliveryMode, int priority, long timeToLive, long deliveryDelay, boolean disableMessageId,
        boolean disableMessageTimestamp) {
}

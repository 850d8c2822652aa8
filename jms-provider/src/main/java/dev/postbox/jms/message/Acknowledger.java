package dev.postbox.jms.message;

import jakarta.jms.JMSException;

/** What {@link jakarta.jms.Message#acknowledge()} calls; set by the session that delivered the message. */
@FunctionalInterface
public interface Acknowledger {

    /** Acknowledges, as the delivering session's acknowledgement mode defines. */
    void acknowledge() throws JMSException;
}

package dev.postbox.jms;

/**
 * Session modes beyond the four of the JMS specification, accepted by {@code Connection.createSession(int)},
 * {@code createSession(false, mode)} and {@code ConnectionFactory.createContext(mode)}.
 */
public final class PostboxAcknowledgeMode {

    /**
     * At most once: a message is removed from its queue or subscription in the same database transaction
     * that hands it to this consumer, before the application sees it. It is never redelivered; if the
     * process dies or the listener throws before the work is done, the message is lost (a listener's failure
     * is logged, PBX-1090). One commit per message instead of two; {@code Session.recover()} has nothing to
     * redeliver. For fire-and-forget data where a duplicate is worse than a gap.
     */
    public static final int AT_MOST_ONCE_ACKNOWLEDGE = 100;

    private PostboxAcknowledgeMode() {
    }
}

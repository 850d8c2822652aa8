package dev.postbox.jms.client;

import dev.postbox.jms.engine.Delivery;
import dev.postbox.jms.engine.EngineException;
import dev.postbox.jms.engine.MessageFilter;
import dev.postbox.jms.store.DestinationRecord;
import dev.postbox.jms.store.ScanPosition;
import dev.postbox.jms.store.StoredMessage;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.ArrayDeque;
import java.util.Enumeration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Looks at the available messages of a queue in delivery order without consuming them. The enumeration
 * reads pages from the store as it advances, so it reflects messages as they are when it gets to them.
 */
public final class PostboxQueueBrowser implements QueueBrowser {

    private static final int PAGE = 100;

    private final PostboxSession session;
    private final Queue queue;
    private final DestinationRecord record;
    private final MessageFilter filter;
    private final String selector;
    private final AtomicBoolean closed = new AtomicBoolean();

    PostboxQueueBrowser(PostboxSession session, Queue queue, DestinationRecord record, MessageFilter filter,
            String selector) {
        this.session = session;
        this.queue = queue;
        this.record = record;
        this.filter = filter;
        this.selector = selector;
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkClosed();
        return queue;
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkClosed();
        return selector;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Enumeration getEnumeration() throws JMSException {
        checkClosed();
        return new Pages();
    }

    @Override
    public void close() throws JMSException {
        if (closed.compareAndSet(false, true)) {
            session.browserClosed(this);
        }
    }

    private void checkClosed() throws IllegalStateException {
        if (closed.get()) {
            throw new IllegalStateException("The browser is closed");
        }
        session.checkClosed();
    }

    /** Pages through the queue lazily. */
    private final class Pages implements Enumeration<Message> {
        private final ArrayDeque<StoredMessage> buffer = new ArrayDeque<>();
        private ScanPosition position;
        private boolean exhausted;

        @Override
        public boolean hasMoreElements() {
            fill();
            return !buffer.isEmpty();
        }

        @Override
        public Message nextElement() {
            fill();
            StoredMessage next = buffer.poll();
            if (next == null) {
                throw new NoSuchElementException("No more messages in " + queue);
            }
            // The browsed message carries the JMSXDeliveryCount (and JMSRedelivered) its next delivery will
            // have, which is also what a browser's selector sees.
            StoredMessage asDelivered = new StoredMessage(next.id(), next.content(), next.deliveryCount() + 1,
                    next.claimedBy(), next.enqueuedAt(), next.firstDeliveredAt(), next.lastDeliveredAt(),
                    next.lastFailure(), next.deadLetter());
            try {
                return MessageMapping.toMessage(new Delivery(asDelivered, record, null), queue,
                        session.connection().deserializationPolicy());
            } catch (JMSException e) {
                throw new IllegalArgumentException("Message " + next.content().messageId() + " cannot be decoded", e);
            }
        }

        private void fill() {
            while (buffer.isEmpty() && !exhausted && !closed.get()) {
                List<StoredMessage> page;
                try {
                    page = session.broker().browse(record.id(), position, PAGE);
                } catch (EngineException e) {
                    throw new BrowseFailedException(e);
                }
                if (page.isEmpty()) {
                    exhausted = true;
                    return;
                }
                position = ScanPosition.of(page.get(page.size() - 1));
                for (StoredMessage m : page) {
                    if (filter.accept(m)) {
                        buffer.add(m);
                    }
                }
            }
        }
    }

    /** An Enumeration cannot throw checked exceptions: a store failure surfaces as this. */
    static final class BrowseFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BrowseFailedException(EngineException cause) {
            super("Browsing failed: " + cause.getMessage(), cause);
        }
    }
}

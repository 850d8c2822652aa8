package dev.postbox.jms.client;

import dev.postbox.jms.PostboxDestination;
import dev.postbox.jms.TemporaryDestinationOwner;
import dev.postbox.jms.config.ConnectionOptions;
import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.engine.EngineException;
import dev.postbox.jms.engine.StoreAvailabilityListener;
import dev.postbox.jms.exception.JmsExceptions;
import dev.postbox.jms.message.DeserializationPolicy;
import dev.postbox.jms.store.DestinationKind;
import dev.postbox.jms.store.DestinationRecord;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** A Postbox connection: a client's view of one broker node; creates sessions. */
public final class PostboxConnection implements Connection, QueueConnection, TopicConnection,
        TemporaryDestinationOwner {

    private static final System.Logger LOG = System.getLogger(PostboxConnection.class.getName());

    /** Lifecycle of a connection: CLOSING while close waits for running listeners, which keep its services. */
    enum State { STOPPED, STARTED, CLOSING, CLOSED }

    private final String id = UUID.randomUUID().toString();
    private final Broker broker;
    private final ConnectionOptions options;
    private final ClientIdRegistry clientIds;
    private final Runnable onClose;
    private final AtomicReference<State> state = new AtomicReference<>(State.STOPPED);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition startedOrClosed = lock.newCondition();
    private final Condition deliveriesDone = lock.newCondition();
    private int activeDeliveries; // guarded by lock
    private final Set<PostboxSession> sessions = ConcurrentHashMap.newKeySet();
    private final Set<DestinationRecord> temporaries = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean clientIdFixed = new AtomicBoolean();
    private final AtomicBoolean storeFailureReported = new AtomicBoolean();
    private volatile MessagingDomain domain = MessagingDomain.BOTH;
    private final DeserializationPolicy deserializationPolicy;
    private final SerialExecutor exceptionListenerExecutor;
    private volatile String clientId;
    private volatile ExceptionListener exceptionListener;
    private volatile dev.postbox.jms.spi.TransactionSource transactionSource = dev.postbox.jms.spi.TransactionSource.NONE;
    private final Runnable removeAvailabilityListener;

    /**
     * Creates a connection (internal: use a connection factory).
     *
     * @param onClose run once when the connection closes (releases the broker reference)
     */
    public PostboxConnection(Broker broker, ConnectionOptions options, ClientIdRegistry clientIds,
            Runnable onClose) throws JMSException {
        this.broker = broker;
        this.options = options;
        this.clientIds = clientIds;
        this.onClose = onClose;
        this.exceptionListenerExecutor = new SerialExecutor(broker.scheduler());
        try {
            this.deserializationPolicy = DeserializationPolicy.of(options.deserializationAllowList(),
                    options.deserializationDenyList());
        } catch (IllegalArgumentException e) {
            throw new JMSException("Invalid deserializationAllowList/deserializationDenyList: " + e.getMessage());
        }
        if (options.clientId() != null) {
            clientIds.claim(options.clientId(), id);
            this.clientId = options.clientId();
            this.clientIdFixed.set(true);
        }
        // an outage is reported even when no consumer of this connection happens to claim during it
        this.removeAvailabilityListener = broker.addStoreAvailabilityListener(new StoreAvailabilityListener() {
            @Override
            public void unavailable(EngineException.StoreUnavailable failure) {
                reportAsyncFailure(failure);
            }

            @Override
            public void available() {
                storeRecovered();
            }
        });
    }

    /** The unique id of this connection. */
    public String id() {
        return id;
    }

    /**
     * The identity stored as the origin of the messages this connection sends, and compared for noLocal:
     * the client id when set (all connections of a client are "local" to its durable subscriptions), else
     * the connection id.
     */
    String identity() {
        String client = clientId;
        return client != null ? "client:" + client : "conn:" + id;
    }

    /**
     * Makes this connection's sessions join the caller's global transaction when there is one (resource
     * adapter SPI; Java SE connections have none).
     */
    public void setTransactionSource(dev.postbox.jms.spi.TransactionSource source) {
        this.transactionSource = source;
    }

    /**
     * Closes every session of this connection and keeps the connection open (resource adapter SPI: a
     * pooled connection is cleaned up for its next user; transacted work is rolled back).
     */
    public void closeSessions() throws JMSException {
        JMSException first = null;
        for (PostboxSession session : new ArrayList<>(sessions)) {
            try {
                session.close();
            } catch (JMSException e) {
                first = addFailure(first, e);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** The global transaction of the calling thread, or null. */
    dev.postbox.jms.engine.ExternalTransaction currentTransaction() {
        return transactionSource.current();
    }

    /** The client id, or null (without the checks of getClientID). */
    String clientIdOrNull() {
        return clientId;
    }

    Broker broker() {
        return broker;
    }

    ConnectionOptions options() {
        return options;
    }

    DeserializationPolicy deserializationPolicy() {
        return deserializationPolicy;
    }

    // ----- sessions -----

    @Override
    public Session createSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(transacted, acknowledgeMode, MessagingDomain.BOTH);
    }

    private PostboxSession createSession(boolean transacted, int acknowledgeMode, MessagingDomain sessionDomain)
            throws JMSException {
        if (!transacted && acknowledgeMode == Session.SESSION_TRANSACTED) {
            checkClosed();
            throw new JMSException("A non-transacted session needs AUTO_ACKNOWLEDGE (1), CLIENT_ACKNOWLEDGE (2) or"
                    + " DUPS_OK_ACKNOWLEDGE (3), not SESSION_TRANSACTED (0)");
        }
        return createSession(transacted ? Session.SESSION_TRANSACTED : acknowledgeMode, sessionDomain);
    }

    @Override
    public Session createSession(int sessionMode) throws JMSException {
        return createSession(sessionMode, MessagingDomain.BOTH);
    }

    private PostboxSession createSession(int sessionMode, MessagingDomain sessionDomain) throws JMSException {
        checkClosed();
        fixClientId();
        if (!PostboxJMSContext.validSessionMode(sessionMode)) {
            throw new JMSException(PostboxJMSContext.invalidSessionMode(sessionMode));
        }
        PostboxSession session = new PostboxSession(this, sessionMode, sessionDomain);
        sessions.add(session);
        if (state.get() == State.STARTED) {
            session.start();
        }
        return session;
    }

    @Override
    public Session createSession() throws JMSException {
        return createSession(Session.AUTO_ACKNOWLEDGE);
    }

    @Override
    public QueueSession createQueueSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(transacted, acknowledgeMode, MessagingDomain.POINT_TO_POINT);
    }

    @Override
    public TopicSession createTopicSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(transacted, acknowledgeMode, MessagingDomain.PUBLISH_SUBSCRIBE);
    }

    /**
     * Marks this connection as created by {@code QueueConnectionFactory.createQueueConnection}: it then refuses
     * the publish/subscribe connection consumer methods (internal, for the connection factory).
     */
    public PostboxConnection asQueueConnection() {
        this.domain = MessagingDomain.POINT_TO_POINT;
        return this;
    }

    void sessionClosed(PostboxSession session) {
        sessions.remove(session);
    }

    // ----- client id, metadata, listener -----

    @Override
    public String getClientID() throws JMSException {
        checkClosed();
        return clientId;
    }

    @Override
    public void setClientID(String newClientId) throws JMSException {
        checkClosed();
        if (clientIdFixed.get()) {
            throw new IllegalStateException(clientId != null && clientId.equals(options.clientId())
                    ? "The client ID was configured on the connection factory and cannot be changed"
                    : "The client ID can only be set right after the connection is created");
        }
        if (newClientId == null || newClientId.isEmpty()) {
            throw new InvalidClientIDException("Client ID must not be null or empty");
        }
        clientIds.claim(newClientId, id);
        if (!clientIdFixed.compareAndSet(false, true)) {
            clientIds.release(newClientId, id);
            throw new IllegalStateException("The client ID can only be set right after the connection is created");
        }
        this.clientId = newClientId;
    }

    /** Marks the client id as no longer settable (any other use of the connection does this). */
    void fixClientId() {
        clientIdFixed.set(true);
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        checkClosed();
        fixClientId();
        return PostboxConnectionMetaData.INSTANCE;
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        checkClosed();
        fixClientId();
        return exceptionListener;
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) throws JMSException {
        checkClosed();
        fixClientId();
        this.exceptionListener = listener;
    }

    /**
     * Reports a failure that no API call can report (a listener session that cannot reach the store):
     * the exception listener hears of each outage once, and is never called concurrently (the connection
     * serializes its exception listener).
     */
    void reportAsyncFailure(Throwable failure) {
        if (!storeFailureReported.compareAndSet(false, true)) {
            return;
        }
        ExceptionListener listener = exceptionListener;
        LOG.log(Level.WARNING, "PBX-1060 Connection {0}: {1}", id, failure.getMessage());
        if (listener != null) {
            JMSException jms = JmsExceptions.create(failure);
            exceptionListenerExecutor.execute(() -> listener.onException(jms));
        }
    }

    /** The store works again: a later failure will be reported again. */
    void storeRecovered() {
        if (storeFailureReported.compareAndSet(true, false)) {
            LOG.log(Level.INFO, "PBX-1061 Connection {0}: message store reachable again", id);
        }
    }

    // ----- start / stop -----

    @Override
    public void start() throws JMSException {
        checkClosed();
        fixClientId();
        lock.lock();
        try {
            if (state.get() != State.STOPPED) {
                return;
            }
            state.set(State.STARTED);
            startedOrClosed.signalAll();
        } finally {
            lock.unlock();
        }
        for (PostboxSession session : sessions) {
            session.start();
        }
    }

    /**
     * Stops delivery: returns only once no listener runs and no {@code receive} is between claiming a
     * message and returning it, so that nothing is delivered after this returns (Connection.stop).
     */
    @Override
    public void stop() throws JMSException {
        checkClosed();
        fixClientId();
        checkNotInListener("stop");
        lock.lock();
        try {
            if (!state.compareAndSet(State.STARTED, State.STOPPED)) {
                return;
            }
            while (activeDeliveries > 0) {
                deliveriesDone.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
        for (PostboxSession session : sessions) {
            session.pauseDelivery();
        }
    }

    boolean isStarted() {
        return state.get() == State.STARTED;
    }

    /**
     * Enters a synchronous delivery (a {@code receive} claiming and returning a message); {@link #stop()}
     * waits for it to {@link #exitDelivery() exit}.
     *
     * @return false, without entering, when the connection is not started
     */
    boolean enterDelivery() {
        lock.lock();
        try {
            if (state.get() != State.STARTED) {
                return false;
            }
            activeDeliveries++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Leaves a synchronous delivery entered with {@link #enterDelivery()}. */
    void exitDelivery() {
        lock.lock();
        try {
            if (--activeDeliveries == 0) {
                deliveriesDone.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Wakes threads waiting in {@link #awaitStarted} so that they look at their abandon condition again. */
    void wakeStartWaiters() {
        lock.lock();
        try {
            startedOrClosed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the connection is started.
     *
     * @param deadlineNanos {@code System.nanoTime()} deadline, or {@code Long.MAX_VALUE} for none
     * @param abandoned stops the wait when true (the waiting consumer was closed); checked at each
     *     {@link #wakeStartWaiters()}
     * @return false when the deadline passed, the wait was abandoned or the connection closed first
     */
    boolean awaitStarted(long deadlineNanos, java.util.function.BooleanSupplier abandoned)
            throws InterruptedException {
        lock.lock();
        try {
            while (state.get() == State.STOPPED) {
                if (abandoned.getAsBoolean()) {
                    return false;
                }
                if (deadlineNanos == Long.MAX_VALUE) {
                    startedOrClosed.await();
                } else {
                    long left = deadlineNanos - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    startedOrClosed.awaitNanos(left);
                }
            }
            return state.get() == State.STARTED;
        } finally {
            lock.unlock();
        }
    }

    // ----- close -----

    @Override
    public void close() throws JMSException {
        checkNotInListener("close");
        for (PostboxSession session : sessions) {
            if (session.isCompletionThread()) {
                throw new IllegalStateException("A CompletionListener must not call close() on its own connection");
            }
        }
        lock.lock();
        try {
            State previous = state.get();
            if (previous == State.CLOSING || previous == State.CLOSED) {
                return;
            }
            state.set(State.CLOSING);
            startedOrClosed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            closeResources();
        } finally {
            state.set(State.CLOSED);
        }
    }

    private void closeResources() throws JMSException {
        JMSException first = null;
        // A running listener may still create sessions while the connection closes: close until none is left.
        for (List<PostboxSession> open = new ArrayList<>(sessions); !open.isEmpty(); open = new ArrayList<>(sessions)) {
            for (PostboxSession session : open) {
                try {
                    session.close();
                } catch (JMSException e) {
                    first = addFailure(first, e);
                }
            }
        }
        for (DestinationRecord temporary : new ArrayList<>(temporaries)) {
            try {
                broker.deleteDestination(temporary);
            } catch (EngineException e) {
                first = addFailure(first, e.toJMSException());
            }
        }
        temporaries.clear();
        exceptionListenerExecutor.close();
        removeAvailabilityListener.run();
        if (clientId != null) {
            clientIds.release(clientId, id);
        }
        onClose.run();
        if (first != null) {
            throw first;
        }
    }

    private static JMSException addFailure(JMSException first, JMSException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    /** Throws when called from a message listener of this connection (it would deadlock). */
    void checkNotInListener(String operation) throws IllegalStateException {
        for (PostboxSession session : sessions) {
            if (session.isDeliveryThread()) {
                throw new IllegalStateException("A message listener must not call " + operation
                        + "() on its own connection");
            }
        }
    }

    /** Throws once the connection is closed (while it is closing, running listeners may still use it). */
    void checkClosed() throws IllegalStateException {
        if (state.get() == State.CLOSED) {
            throw new IllegalStateException("The connection is closed");
        }
    }

    boolean isClosed() {
        return state.get() == State.CLOSED;
    }

    // ----- temporary destinations -----

    DestinationRecord createTemporaryTopicRecord() {
        DestinationRecord record = broker.createTemporaryTopic(id);
        temporaries.add(record);
        return record;
    }

    DestinationRecord createTemporaryQueueRecord() {
        DestinationRecord record = broker.createTemporaryQueue(id);
        temporaries.add(record);
        return record;
    }

    @Override
    public void deleteTemporary(PostboxDestination destination) throws JMSException {
        checkClosed();
        DestinationRecord record = temporaries.stream().filter(r -> r.name().equals(destination.name()))
                .findFirst().orElseThrow(() -> new jakarta.jms.InvalidDestinationException(
                        destination + " does not exist or was not created by this connection"));
        for (PostboxSession session : sessions) {
            if (session.hasConsumerOn(record.id())) {
                throw new IllegalStateException("Cannot delete " + destination + " while it has consumers");
            }
        }
        try {
            broker.deleteDestination(record);
        } catch (EngineException e) {
            throw e.toJMSException();
        }
        temporaries.remove(record);
    }

    @Override
    public String ownerId() {
        return id;
    }

    /** True when a temporary destination record belongs to this connection. */
    boolean owns(DestinationRecord record) {
        return id.equals(record.ownerConnection());
    }

    /** The kind a destination is stored as. */
    static DestinationKind kindOf(Destination destination) {
        return destination instanceof Topic ? DestinationKind.TOPIC : DestinationKind.QUEUE;
    }

    // ----- connection consumers (application-server facility, not provided) -----

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination destination, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw unsupportedConnectionConsumer();
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        checkClosed();
        domain.checkPublishSubscribe("createSharedConnectionConsumer", "QueueConnection");
        throw unsupportedConnectionConsumer();
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        checkClosed();
        domain.checkPublishSubscribe("createDurableConnectionConsumer", "QueueConnection");
        throw unsupportedConnectionConsumer();
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        checkClosed();
        domain.checkPublishSubscribe("createSharedDurableConnectionConsumer", "QueueConnection");
        throw unsupportedConnectionConsumer();
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Queue queue, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw unsupportedConnectionConsumer();
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Topic topic, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw unsupportedConnectionConsumer();
    }

    private JMSException unsupportedConnectionConsumer() throws JMSException {
        checkClosed();
        return new JMSException("Connection consumers (ServerSessionPool) are an optional facility that Postbox"
                + " does not provide; use message-driven beans through the Postbox resource adapter");
    }
}

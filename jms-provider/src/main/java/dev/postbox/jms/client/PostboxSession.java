package dev.postbox.jms.client;

import dev.postbox.jms.PostboxAcknowledgeMode;
import dev.postbox.jms.PostboxDestination;
import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.engine.Delivery;
import dev.postbox.jms.engine.EngineException;
import dev.postbox.jms.message.PostboxMessage;
import dev.postbox.jms.store.DestinationRecord;
import dev.postbox.jms.store.NewMessage;
import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Postbox session: a single-threaded context for producing and consuming. Acknowledgement follows the
 * session mode through an {@link AcknowledgementPolicy}; listener delivery runs on a serial executor.
 *
 * <p>Size note (over the 600-line budget, reviewed): {@code Session}, {@code QueueSession} and
 * {@code TopicSession} together ask for some 50 public methods, each here a short check-and-delegate; the
 * work lives in {@link SessionDestinations}, {@link TopicSubscribing}, {@link SessionDelivery} and the
 * acknowledgement policies.
 */
public final class PostboxSession implements Session, QueueSession, TopicSession {

    /** Lifecycle of a session: CLOSING while close waits for a running listener, which keeps its services. */
    enum State { OPEN, CLOSING, CLOSED }

    private final PostboxConnection connection;
    private final Broker broker;
    private final int mode;
    private final MessagingDomain domain;
    private final AcknowledgementPolicy acknowledgement;
    private final AtomicReference<State> state = new AtomicReference<>(State.OPEN);
    private final Set<PostboxMessageConsumer> consumers = ConcurrentHashMap.newKeySet();
    private final Set<PostboxMessageProducer> producers = ConcurrentHashMap.newKeySet();
    private final Set<PostboxQueueBrowser> browsers = ConcurrentHashMap.newKeySet();
    private final SessionDelivery delivery;
    private final TopicSubscribing topics;
    private final SessionDestinations destinations;
    private final AsyncSends asyncSends;
    private final CountDownLatch closed = new CountDownLatch(1);

    PostboxSession(PostboxConnection connection, int mode, MessagingDomain domain) {
        this.connection = connection;
        this.broker = connection.broker();
        this.mode = mode;
        this.domain = domain;
        this.acknowledgement = switch (mode) {
            case Session.SESSION_TRANSACTED -> new TransactedAcknowledgement(broker);
            case Session.CLIENT_ACKNOWLEDGE -> new ClientAcknowledgement(broker);
            case Session.DUPS_OK_ACKNOWLEDGE -> new DupsOkAcknowledgement(broker,
                    connection.options().dupsOkBatchSize(), connection.options().dupsOkBatchDelay());
            case PostboxAcknowledgeMode.AT_MOST_ONCE_ACKNOWLEDGE -> new AtMostOnceAcknowledgement();
            default -> new AutoAcknowledgement(broker);
        };
        this.asyncSends = new AsyncSends(broker.scheduler());
        this.delivery = new SessionDelivery(this, acknowledgement, mode == Session.CLIENT_ACKNOWLEDGE);
        this.topics = new TopicSubscribing(this);
        this.destinations = new SessionDestinations(connection, broker);
    }

    PostboxConnection connection() {
        return connection;
    }

    boolean acknowledgesOnClaim() {
        return acknowledgement.acknowledgesOnClaim();
    }

    Broker broker() {
        return broker;
    }

    // ----- messages -----

    @Override
    public Message createMessage() throws JMSException {
        checkClosed();
        return new PostboxMessage();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException {
        checkClosed();
        return new dev.postbox.jms.message.PostboxTextMessage();
    }

    @Override
    public TextMessage createTextMessage(String text) throws JMSException {
        checkClosed();
        return new dev.postbox.jms.message.PostboxTextMessage(text);
    }

    @Override
    public BytesMessage createBytesMessage() throws JMSException {
        checkClosed();
        return new dev.postbox.jms.message.PostboxBytesMessage();
    }

    @Override
    public MapMessage createMapMessage() throws JMSException {
        checkClosed();
        return new dev.postbox.jms.message.PostboxMapMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        checkClosed();
        dev.postbox.jms.message.PostboxObjectMessage message = new dev.postbox.jms.message.PostboxObjectMessage();
        message.setDeserializationPolicy(connection.deserializationPolicy());
        return message;
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) throws JMSException {
        checkClosed();
        dev.postbox.jms.message.PostboxObjectMessage message = new dev.postbox.jms.message.PostboxObjectMessage();
        message.setDeserializationPolicy(connection.deserializationPolicy());
        message.setObject(object);
        return message;
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException {
        checkClosed();
        return new dev.postbox.jms.message.PostboxStreamMessage();
    }

    // ----- transactions and acknowledgement -----

    private void checkNoGlobalTransaction(String operation) throws JMSException {
        if (connection.currentTransaction() != null) {
            throw new jakarta.jms.TransactionInProgressException(operation + "() is not allowed while a global (JTA)"
                    + " transaction is active: the container commits or rolls back the session's work with it");
        }
    }

    /** What the session consumed and has not acknowledged or committed yet (see AcknowledgementPolicy). */
    List<Delivery> pendingAcknowledgements() {
        return acknowledgement.pendingAcknowledgements();
    }

    /** {@code Message.acknowledge()} / {@code JMSContext.acknowledge()} in CLIENT_ACKNOWLEDGE. */
    void acknowledgeFromMessage() throws JMSException {
        delivery.acknowledgeFromMessage();
    }

    @Override
    public boolean getTransacted() throws JMSException {
        checkClosed();
        return mode == Session.SESSION_TRANSACTED;
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        checkClosed();
        return mode;
    }

    int mode() {
        return mode;
    }

    /**
     * Exactly-once processing in Java SE: the database connection of this transacted session. SQL the
     * application runs on it commits with {@link #commit()} in the same database transaction as the messages
     * the session sent and received, and rolls back with {@link #rollback()}; {@code commit}, {@code rollback}
     * and {@code close} on the connection itself are refused. The connection is taken from the broker's pool
     * on first call and held until the session closes.
     *
     * @throws IllegalStateException when the session is not transacted or runs in a global (JTA) transaction
     *     (there, use the container's data source: it joins the same transaction)
     * @throws JMSException when the store cannot lend a connection
     */
    public java.sql.Connection getJdbcConnection() throws JMSException {
        checkClosed();
        checkNoGlobalTransaction("getJdbcConnection");
        if (!(acknowledgement instanceof TransactedAcknowledgement transacted)) {
            throw new IllegalStateException("getJdbcConnection() is only available on a transacted session");
        }
        try {
            return transacted.jdbcConnection();
        } catch (EngineException e) {
            throw e.toJMSException();
        }
    }

    @Override
    public void commit() throws JMSException {
        checkClosed();
        checkNotCompletionThread("commit");
        checkNoGlobalTransaction("commit");
        if (!(acknowledgement instanceof TransactedAcknowledgement transacted)) {
            throw new IllegalStateException("commit() is only allowed on a transacted session");
        }
        awaitCompletions();
        try {
            transacted.commit();
        } catch (EngineException e) {
            throw e.toJMSException();
        }
    }

    @Override
    public void rollback() throws JMSException {
        checkClosed();
        checkNotCompletionThread("rollback");
        checkNoGlobalTransaction("rollback");
        if (!(acknowledgement instanceof TransactedAcknowledgement transacted)) {
            throw new IllegalStateException("rollback() is only allowed on a transacted session");
        }
        awaitCompletions();
        try {
            releasePrefetched();
            transacted.rollback();
        } catch (EngineException e) {
            throw e.toJMSException();
        }
        delivery.schedule();
    }

    @Override
    public void recover() throws JMSException {
        checkClosed();
        if (mode == Session.SESSION_TRANSACTED) {
            throw new IllegalStateException("recover() is not allowed on a transacted session; use rollback()");
        }
        try {
            releasePrefetched();
            acknowledgement.recover();
        } catch (EngineException e) {
            throw e.toJMSException();
        }
        delivery.schedule();
    }

    // ----- sending (called by producers) -----

    /**
     * Stores a message now, or holds it until commit in a transacted session. A synchronous send first
     * waits for the session's incomplete asynchronous sends, so that messages keep their send order.
     */
    void send(NewMessage message) throws JMSException {
        if (!isCompletionThread()) {
            awaitCompletions();
        }
        try {
            dev.postbox.jms.engine.ExternalTransaction global = connection.currentTransaction();
            if (global != null) {
                broker.sendInTransaction(global, List.of(message));
            } else if (acknowledgement instanceof TransactedAcknowledgement transacted) {
                transacted.send(message);
            } else {
                broker.send(List.of(message), message.deliveryMode() == jakarta.jms.DeliveryMode.NON_PERSISTENT);
            }
        } catch (EngineException e) {
            throw e.toJMSException();
        }
    }

    /** Waits until every asynchronous send of this session has completed and its callback returned. */
    void awaitCompletions() {
        asyncSends.awaitCompletion();
    }

    /** Runs an asynchronous send's work and completion callback in order, off the caller's thread. */
    void executeCompletion(Runnable work) {
        asyncSends.execute(work);
    }

    // ----- receiving (called by consumers and the dispatcher) -----

    /** Turns a claimed delivery into the message {@code receive} returns, acknowledging per the mode. */
    Message deliverSync(PostboxMessageConsumer consumer, Delivery claimed) throws JMSException {
        return delivery.deliverSync(consumer, claimed);
    }

    boolean deliveryAllowed() {
        return state.get() == State.OPEN && connection.isStarted();
    }

    List<PostboxMessageConsumer> listeningConsumers() {
        List<PostboxMessageConsumer> listening = new ArrayList<>();
        for (PostboxMessageConsumer consumer : consumers) {
            if (consumer.hasListener()) {
                listening.add(consumer);
            }
        }
        return listening;
    }

    /** Schedules a listener delivery pass (a listener was set, messages may have arrived, or start). */
    void wakeDispatcher() {
        delivery.schedule();
    }

    /** True on the thread running one of this session's message listeners. */
    boolean isDeliveryThread() {
        return delivery.isListenerThread();
    }

    void start() {
        delivery.schedule();
    }

    /** Waits until a running listener has returned (connection stop). */
    void pauseDelivery() {
        delivery.awaitListener();
    }

    boolean hasConsumerOn(long destinationId) {
        return consumers.stream().anyMatch(c -> c.reads(destinationId));
    }

    // ----- destinations -----

    @Override
    public Queue createQueue(String queueName) throws JMSException {
        checkClosed();
        domain.checkPointToPoint("createQueue");
        return destinations.queue(queueName);
    }

    @Override
    public Topic createTopic(String topicName) throws JMSException {
        checkClosed();
        checkPublishSubscribe("createTopic");
        return destinations.topic(topicName);
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        checkClosed();
        domain.checkPointToPoint("createTemporaryQueue");
        return destinations.temporaryQueue();
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        checkClosed();
        checkPublishSubscribe("createTemporaryTopic");
        return destinations.temporaryTopic();
    }

    /** The stored destinations behind this session's JMS destinations. */
    SessionDestinations destinations() {
        return destinations;
    }

    // ----- producers, consumers, browsers -----

    /** Gives back what the consumers prefetched and the application has not seen (recover, rollback). */
    private void releasePrefetched() {
        for (PostboxMessageConsumer consumer : consumers) {
            consumer.releasePrefetched();
        }
    }

    @Override
    public MessageProducer createProducer(Destination destination) throws JMSException {
        checkClosed();
        PostboxMessageProducer producer = new PostboxMessageProducer(this, destination);
        producers.add(producer);
        return producer;
    }

    @Override
    public MessageConsumer createConsumer(Destination destination) throws JMSException {
        return createConsumer(destination, null, false);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector) throws JMSException {
        return createConsumer(destination, messageSelector, false);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal)
            throws JMSException {
        checkClosed();
        PostboxDestination target = PostboxDestination.of(destination);
        if (target.isTopic()) {
            return register(topics.consumer(target, messageSelector, noLocal));
        }
        DestinationRecord record = destinations.resolveQueue(target, true);
        return register(new PostboxMessageConsumer(this, target, record,
                ConsumerFilters.of(messageSelector, false, connection.identity()), selectorOrNull(messageSelector),
                noLocal));
    }

    private PostboxMessageConsumer register(PostboxMessageConsumer consumer) {
        consumers.add(consumer);
        return consumer;
    }

    void consumerClosed(PostboxMessageConsumer consumer) {
        consumers.remove(consumer);
    }

    void producerClosed(PostboxMessageProducer producer) {
        producers.remove(producer);
    }

    void browserClosed(PostboxQueueBrowser browser) {
        browsers.remove(browser);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) throws JMSException {
        return createBrowser(queue, null);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) throws JMSException {
        checkClosed();
        domain.checkPointToPoint("createBrowser");
        PostboxDestination target = PostboxDestination.of(queue);
        DestinationRecord record = destinations.resolveQueue(target, false);
        PostboxQueueBrowser browser = new PostboxQueueBrowser(this, (Queue) target, record,
                ConsumerFilters.of(messageSelector, false, connection.identity()), selectorOrNull(messageSelector));
        browsers.add(browser);
        return browser;
    }

    /** "A value of null or an empty string indicates that there is no message selector": both read back as null. */
    private static String selectorOrNull(String messageSelector) {
        return messageSelector == null || messageSelector.isBlank() ? null : messageSelector;
    }

    @Override
    public QueueReceiver createReceiver(Queue queue) throws JMSException {
        return (QueueReceiver) createConsumer(queue);
    }

    @Override
    public QueueReceiver createReceiver(Queue queue, String messageSelector) throws JMSException {
        return (QueueReceiver) createConsumer(queue, messageSelector);
    }

    @Override
    public QueueSender createSender(Queue queue) throws JMSException {
        return (QueueSender) createProducer(queue);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic) throws JMSException {
        return (TopicSubscriber) createConsumer(topic);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic, String messageSelector, boolean noLocal)
            throws JMSException {
        return (TopicSubscriber) createConsumer(topic, messageSelector, noLocal);
    }

    @Override
    public TopicPublisher createPublisher(Topic topic) throws JMSException {
        return (TopicPublisher) createProducer(topic);
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) throws JMSException {
        return createSharedConsumer(topic, sharedSubscriptionName, null);
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector)
            throws JMSException {
        checkClosed();
        checkPublishSubscribe("createSharedConsumer");
        return register(topics.shared(topic, sharedSubscriptionName, messageSelector));
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name) throws JMSException {
        return createDurableSubscriber(topic, name, null, false);
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name, String messageSelector,
            boolean noLocal) throws JMSException {
        checkClosed();
        checkPublishSubscribe("createDurableSubscriber");
        return register(topics.durable(topic, name, messageSelector, noLocal));
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name) throws JMSException {
        return createDurableConsumer(topic, name, null, false);
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        checkClosed();
        checkPublishSubscribe("createDurableConsumer");
        return register(topics.durable(topic, name, messageSelector, noLocal));
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name) throws JMSException {
        return createSharedDurableConsumer(topic, name, null);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector)
            throws JMSException {
        checkClosed();
        checkPublishSubscribe("createSharedDurableConsumer");
        return register(topics.sharedDurable(topic, name, messageSelector));
    }

    @Override
    public void unsubscribe(String name) throws JMSException {
        checkClosed();
        checkPublishSubscribe("unsubscribe");
        topics.unsubscribe(name);
    }

    // ----- session-level listener (application-server facility, not provided) -----

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkClosed();
        return null;
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        checkClosed();
        throw new JMSException("Session message listeners (ServerSession facility) are not provided by Postbox");
    }

    @Override
    public void run() {
        // Session.run() belongs to the optional ServerSession facility, which Postbox does not provide.
    }

    // ----- close -----

    @Override
    public void close() throws JMSException {
        if (isDeliveryThread()) {
            throw new IllegalStateException("A message listener must not close its own session");
        }
        checkNotCompletionThread("close");
        if (!state.compareAndSet(State.OPEN, State.CLOSING)) {
            awaitClosed();
            return;
        }
        JMSException first = null;
        try {
            awaitCompletions();
            // A running listener finishes first, with every facility of its session still available.
            delivery.close();
            for (PostboxMessageConsumer consumer : new ArrayList<>(consumers)) {
                consumer.closeBySession();
            }
            for (PostboxMessageProducer producer : new ArrayList<>(producers)) {
                producer.closeBySession();
            }
            for (PostboxQueueBrowser browser : new ArrayList<>(browsers)) {
                browser.close();
            }
            acknowledgement.close();
        } catch (JMSException e) {
            first = e;
        } catch (EngineException e) {
            first = e.toJMSException();
        } finally {
            state.set(State.CLOSED);
            asyncSends.close();
            connection.sessionClosed(this);
            closed.countDown();
        }
        if (first != null) {
            throw first;
        }
    }

    /** A close racing with another thread's close returns when that one has finished. */
    private void awaitClosed() {
        boolean interrupted = false;
        while (closed.getCount() > 0) {
            try {
                closed.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Throws once the session is closed (while it is closing, a running listener may still use it). */
    void checkClosed() throws IllegalStateException {
        if (state.get() == State.CLOSED) {
            throw new IllegalStateException("The session is closed");
        }
        connection.checkClosed();
    }

    boolean isClosed() {
        return state.get() == State.CLOSED;
    }

    boolean isCompletionThread() {
        return asyncSends.isCallbackThread();
    }

    private void checkPublishSubscribe(String method) throws IllegalStateException {
        domain.checkPublishSubscribe(method, "QueueSession");
    }

    void checkNotCompletionThread(String operation) throws IllegalStateException {
        if (isCompletionThread()) {
            throw new IllegalStateException("A CompletionListener must not call " + operation + "() on its session");
        }
    }
}

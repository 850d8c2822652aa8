/**
 * The classic Jakarta Messaging API over the delivery engine: connections, sessions, producers, consumers,
 * browsers, message listeners and the acknowledgement modes.
 *
 * <p>Depends on {@code jakarta.jms}, {@code dev.postbox.jms} (destinations, the connection factory),
 * {@code dev.postbox.jms.message}, {@code dev.postbox.jms.selector} and {@code dev.postbox.jms.engine};
 * of {@code dev.postbox.jms.store} it uses only the records the engine passes (destinations, messages),
 * never a store transaction.
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>A session delivers to its message listeners one at a time on a serial executor
 *       ({@code SessionDelivery}); asynchronous sends and their
 *       {@code CompletionListener} callbacks run on another serial executor, in send order
 *       ({@code AsyncSends}). Neither holds a thread while idle.</li>
 *   <li>{@code Connection.stop()} returns once no listener runs and no {@code receive} is between claiming
 *       a message and returning it. Closing a connection or session stops delivery first, then waits for
 *       running listeners, which keep the full services of their session and connection meanwhile.</li>
 *   <li>A message listener calling {@code close()} or {@code stop()} on its own connection, or
 *       {@code close()} on its own session, gets {@code IllegalStateException} (one of the two behaviours
 *       the specification permits).</li>
 * </ul>
 *
 * <h2>Choices where the specification leaves room</h2>
 * <ul>
 *   <li><b>DUPS_OK_ACKNOWLEDGE</b> acknowledges in batches of {@code dupsOkBatchSize} messages or after
 *       {@code dupsOkBatchDelayMillis}, whichever comes first, and when the session closes. A message counts
 *       as consumed once {@code receive} or {@code onMessage} returned: {@code recover()} flushes the pending
 *       batch and, called from a listener, redelivers that listener's message, as in AUTO_ACKNOWLEDGE.</li>
 *   <li><b>CLIENT_ACKNOWLEDGE and transacted listeners</b>: a listener's message joins the session's
 *       unacknowledged messages (or transaction) when {@code onMessage} is called, so {@code acknowledge()},
 *       {@code recover()}, {@code commit()} and {@code rollback()} inside the listener cover it. A listener
 *       that throws leaves it there and gets the next message (section 8.7).</li>
 *   <li><b>NON_PERSISTENT</b> messages are stored like persistent ones, but their commit does not wait for
 *       the disk where the database allows it (PostgreSQL {@code synchronous_commit = off}): they survive a
 *       client crash, and may be lost only when the database server itself crashes. A transaction is relaxed
 *       only when all its sends are NON_PERSISTENT.</li>
 *   <li><b>Redelivery</b>: every redelivery (recover, rollback, a listener that threw, a session closed
 *       with unacknowledged messages) counts as a delivery attempt and follows the redelivery policy
 *       (delay, multiplier, maximum attempts, then the dead-letter queue with the reason). The default
 *       delay is zero, so redelivered messages come back at once and in their original order; with a
 *       configured delay they come back after it, and later messages may overtake them, as the
 *       {@code Session.recover} Javadoc permits ("redelivered messages do not have to be delivered in
 *       exactly their original delivery order").</li>
 *   <li><b>QueueBrowser</b> shows the messages available for delivery now, in delivery order (priority,
 *       then send order): not messages in flight to a consumer, not delayed or expired ones. Each
 *       enumeration starts at the head and reads the queue page by page as it advances. A browsed message
 *       carries the {@code JMSXDeliveryCount} and {@code JMSRedelivered} of its next delivery.</li>
 *   <li><b>Client identifiers</b> are unique among the connections of one broker node (one JVM, store and
 *       configuration); a duplicate used by another node or JVM is not detected.</li>
 *   <li><b>Exception listener</b>: a connection reports a store outage that no API call can report (its
 *       listener sessions cannot claim messages) once per outage, serially.</li>
 *   <li>Temporary queues may receive messages from any connection but only their own connection may consume
 *       them ({@code InvalidDestinationException} otherwise); deleting one with a consumer fails with
 *       {@code IllegalStateException}.</li>
 * </ul>
 */
package dev.postbox.jms.client;

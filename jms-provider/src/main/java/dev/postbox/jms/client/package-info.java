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
 *
 * <h2>Topics: choices where the specification leaves room</h2>
 * <ul>
 *   <li><b>Fan-out</b>: a subscription's selector and noLocal are applied when a message is published, and
 *       each interested subscription gets its own stored copy in the publishing transaction. A transacted
 *       session's publishes fan out at commit, so a subscription created between send and commit gets them.
 *       A topic without subscriptions stores nothing.</li>
 *   <li><b>noLocal</b> compares the publishing connection's identity: its client identifier when set (so
 *       every connection with that client identifier is "local" to a durable subscription), else the
 *       connection itself.</li>
 *   <li><b>One active consumer</b> per unshared durable subscription holds across JVMs: a second consumer,
 *       a different definition while active, and {@code unsubscribe} while active all fail with
 *       {@code IllegalStateException}. A consumer of a JVM that died counts until its node is declared dead
 *       ({@code nodeTimeoutMillis}); its unacknowledged messages then come back flagged redelivered.</li>
 *   <li><b>{@code unsubscribe}</b> fails with {@code IllegalStateException} while a message this session
 *       received from the subscription is unacknowledged or in its open transaction (DUPS_OK first flushes
 *       its lazy acknowledgements). Messages other sessions hold are not checked; replacing an inactive
 *       durable subscription (new topic, selector or noLocal) is not checked either.</li>
 *   <li><b>Durable subscriptions on temporary topics</b> are refused with {@code InvalidDestinationException}
 *       (section 4.2.7 lets the provider detect this programming error).</li>
 *   <li><b>Non-durable subscriptions</b> are deleted with their last consumer, together with their messages,
 *       even ones delivered and not yet acknowledged: acknowledging or committing those afterwards succeeds
 *       with nothing left to do; recover and rollback have nothing to redeliver.</li>
 *   <li><b>Dead letters</b>: a subscription's message that used up its delivery attempts goes to
 *       {@code <topic>.DLQ}, its origin recorded as the subscription's stored name
 *       ({@code durable:<client>:<name>}, {@code shared-durable:<client>:<name>}, {@code shared:<client>:<name>}
 *       or {@code sub:<uuid>}).</li>
 *   <li><b>Legacy domain sessions</b>: a {@code TopicSession} refuses {@code createQueue},
 *       {@code createTemporaryQueue} and {@code createBrowser}; a {@code QueueSession} refuses the
 *       publish/subscribe methods, and a connection made by {@code createQueueConnection} the subscription
 *       connection consumers, all with {@code IllegalStateException} (section 9.2).</li>
 * </ul>
 */
package dev.postbox.jms.client;

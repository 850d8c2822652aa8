package dev.postbox.benchmarks.client;

import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/** Turns a queue name into the provider's {@link Queue} (usually {@link Session#createQueue(String)}). */
@FunctionalInterface
public interface QueueLookup {

    Queue queue(Session session, String name) throws JMSException;
}

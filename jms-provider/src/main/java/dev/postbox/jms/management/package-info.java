/**
 * The management API for administration tools (the admin application, scripts): queues with their
 * counts and policies, paged message browsing with decoded headers, properties and body previews,
 * message deletion and moves, dead-letter retry, topics with subscriptions, and live nodes.
 *
 * <p>{@link dev.postbox.jms.management.QueueManagement} is the contract; its records are the only types a
 * tool sees. The implementation works through {@code Broker.store().inTransaction(...)} and wakes
 * consumers through the broker's signals; it depends on {@code dev.postbox.jms.engine},
 * {@code dev.postbox.jms.store} (records and transactions) and the codecs of {@code dev.postbox.jms.message},
 * and never deserializes an ObjectMessage body.
 */
package dev.postbox.jms.management;

/**
 * JNDI for Java SE clients: {@link dev.postbox.jms.jndi.PostboxInitialContextFactory} builds a read-only,
 * in-memory context of connection factories, queues and topics from {@code jndi.properties}-style
 * properties ({@code connectionFactory.<name>}, {@code queue.<name>}, {@code topic.<name>}), as Apache Qpid
 * JMS and ActiveMQ Artemis do. Application servers use their own JNDI with the resource adapter instead.
 *
 * <p>Depends only on {@code javax.naming} and the public entry points of {@code dev.postbox.jms}
 * (connection factory and destinations); never on the client, engine or store packages.
 */
package dev.postbox.jms.jndi;

package dev.postbox.benchmarks.client;

/**
 * The scenario driver's view of a system: every scenario is written once against this interface.
 * JMS systems get it from {@link JmsClient}; raw-pg implements it over plain JDBC.
 * Each sender or receiver owns its own connection (a JMS connection, or a JDBC connection).
 */
public interface MessagingClient {

    Sender sender(String queue, Mode mode) throws Exception;

    Receiver receiver(String queue, Mode mode) throws Exception;
}

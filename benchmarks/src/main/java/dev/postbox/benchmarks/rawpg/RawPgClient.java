package dev.postbox.benchmarks.rawpg;

import dev.postbox.benchmarks.client.MessagingClient;
import dev.postbox.benchmarks.client.Mode;
import dev.postbox.benchmarks.client.Receiver;
import dev.postbox.benchmarks.client.Sender;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Gives every sender and receiver its own JDBC connection, all sharing one {@link CommitSignal}. */
final class RawPgClient implements MessagingClient {

    private final String jdbcUrl;
    private final CommitSignal signal;
    private final long pollMillis;

    RawPgClient(String jdbcUrl, CommitSignal signal, long pollMillis) {
        this.jdbcUrl = jdbcUrl;
        this.signal = signal;
        this.pollMillis = pollMillis;
    }

    @Override
    public Sender sender(String queue, Mode mode) throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl);
        try {
            return new RawPgSender(connection, queue, mode, signal);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public Receiver receiver(String queue, Mode mode) throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl);
        try {
            return new RawPgReceiver(connection, queue, mode, signal, pollMillis);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}

package dev.postbox.benchmarks.rawpg;

import dev.postbox.benchmarks.client.Mode;
import dev.postbox.benchmarks.client.Sender;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** One INSERT per message, committed on its own (autocommit) or every batch. */
final class RawPgSender implements Sender {

    private final Connection connection;
    private final PreparedStatement insert;
    private final CommitSignal signal;
    private final boolean transacted;
    private int uncommitted;

    RawPgSender(Connection connection, String queue, Mode mode, CommitSignal signal) throws SQLException {
        this.connection = connection;
        this.signal = signal;
        this.transacted = mode.transacted();
        connection.setAutoCommit(!transacted);
        this.insert = connection.prepareStatement(RawPgQueries.INSERT);
        insert.setString(1, queue);
    }

    @Override
    public void send(byte[] payload, long sentNanos) throws SQLException {
        insert.setLong(2, sentNanos);
        insert.setBytes(3, payload);
        insert.executeUpdate();
        if (transacted) {
            uncommitted++;
        } else {
            signal.raise(1);
        }
    }

    @Override
    public void complete() throws SQLException {
        if (transacted && uncommitted > 0) {
            connection.commit();
            signal.raise(uncommitted);
            uncommitted = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

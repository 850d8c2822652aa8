package dev.postbox.benchmarks.rawpg;

import dev.postbox.benchmarks.client.Mode;
import dev.postbox.benchmarks.client.Receiver;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Claims with {@code SELECT … ORDER BY id LIMIT n FOR UPDATE SKIP LOCKED} and deletes in the same
 * statement; the transaction commits at {@link #complete()}. It never claims more than it may hold before
 * the next commit (1 per message acknowledged on its own, up to the batch when transacted), so nothing is
 * committed as consumed before the consumer has seen it. Finding nothing, it waits on the
 * {@link CommitSignal}, polling again at least every {@code pollMillis} (the fallback a consumer in another
 * JVM would need).
 */
final class RawPgReceiver implements Receiver {

    private final Connection connection;
    private final PreparedStatement claim;
    private final CommitSignal signal;
    private final int batch;
    private final long pollMillis;
    private final ArrayDeque<Row> claimed = new ArrayDeque<>();
    private int uncommitted; // rows claimed in the open transaction

    RawPgReceiver(Connection connection, String queue, Mode mode, CommitSignal signal, long pollMillis)
            throws SQLException {
        this.connection = connection;
        this.signal = signal;
        this.batch = mode.batch();
        this.pollMillis = pollMillis;
        connection.setAutoCommit(false);
        this.claim = connection.prepareStatement(RawPgQueries.CLAIM);
        claim.setString(1, queue);
    }

    @Override
    public long receive(long timeoutMillis) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (claimed.isEmpty()) {
            long seen = signal.generation();
            if (claimNext() > 0) {
                break;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return NOTHING;
            }
            signal.awaitChange(seen, Math.min(left, pollMillis));
        }
        Row row = claimed.poll();
        return row.sentNanos();
    }

    @Override
    public void complete() throws SQLException {
        connection.commit();
        uncommitted = 0;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private int claimNext() throws SQLException {
        claim.setInt(2, Math.max(1, batch - uncommitted));
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = claim.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getLong(2), rs.getBytes(3)));
            }
        }
        if (rows.isEmpty() && uncommitted == 0) {
            connection.rollback(); // end the empty transaction: an idle consumer holds no snapshot
        }
        rows.sort(Comparator.comparingLong(Row::id));
        claimed.addAll(rows);
        uncommitted += rows.size();
        return rows.size();
    }

    private record Row(long id, long sentNanos, byte[] payload) {
    }
}

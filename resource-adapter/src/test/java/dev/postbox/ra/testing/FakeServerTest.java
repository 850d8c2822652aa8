package dev.postbox.ra.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkRejectedException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fakes behave as the server they stand for: the tests of the adapter rely on it. */
@Timeout(30)
class FakeServerTest {

    private final ServerEnvironment server = ServerEnvironment.create();
    private final FakeTransactionSynchronizationRegistry registry = server.registry();

    @AfterEach
    void close() throws Exception {
        server.close();
    }

    private void insert(String value) throws SQLException {
        try (Connection c = server.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO t (v) VALUES ('" + value + "')");
        }
    }

    @Test
    void insideATransactionEveryConnectionIsTheSameEnlistedOneAndCommitsWithIt() throws Exception {
        server.execute("CREATE TABLE t (v VARCHAR(10))");
        registry.begin();
        insert("a");
        insert("b");
        assertEquals(0, server.count("SELECT COUNT(*) FROM t"), "nothing visible before the commit");
        assertTrue(registry.commit());

        assertEquals(2, server.count("SELECT COUNT(*) FROM t"));
        assertEquals(1, server.dataSource().enlistedCount(), "one physical connection for the transaction");
    }

    @Test
    void aRollbackOrRollbackOnlyDiscardsTheWorkAndTellsTheSynchronizations() throws Exception {
        server.execute("CREATE TABLE t (v VARCHAR(10))");
        List<Integer> completions = new ArrayList<>();
        registry.begin();
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to flush
            }

            @Override
            public void afterCompletion(int status) {
                completions.add(status);
            }
        });
        insert("gone");
        registry.setRollbackOnly();

        assertFalse(registry.commit(), "a rollback-only transaction rolls back at commit");
        assertEquals(List.of(Status.STATUS_ROLLEDBACK), completions);
        assertEquals(0, server.count("SELECT COUNT(*) FROM t"));
        assertNull(registry.getTransactionKey(), "the thread has no transaction any more");
    }

    @Test
    void anEnlistedConnectionRefusesLocalCommit() throws Exception {
        registry.begin();
        try (Connection c = server.dataSource().getConnection()) {
            assertThrows(SQLException.class, c::commit);
            assertThrows(SQLException.class, () -> c.setAutoCommit(true));
        } finally {
            registry.rollback();
        }
        assertEquals(2, server.dataSource().refusedLocalCompletions());
    }

    @Test
    void doWorkRunsInlineWithoutTheCallersTransaction() throws Exception {
        AtomicReference<Object> seen = new AtomicReference<>("not run");
        AtomicReference<Thread> thread = new AtomicReference<>();
        Object key = registry.begin();

        server.workManager().doWork(work(() -> {
            seen.set(registry.getTransactionKey());
            thread.set(Thread.currentThread());
        }));

        assertNull(seen.get(), "no transaction inside the work");
        assertSame(Thread.currentThread(), thread.get());
        assertSame(key, registry.getTransactionKey(), "the caller's transaction is back");
        registry.rollback();
    }

    @Test
    void scheduledWorkRunsOnThePoolAndCanBeRejectedAndAwaited() throws Exception {
        FakeWorkManager works = server.workManager();
        works.rejectNext(1);
        assertThrows(WorkRejectedException.class, () -> works.scheduleWork(work(() -> { })));

        AtomicReference<String> thread = new AtomicReference<>();
        works.scheduleWork(work(() -> thread.set(Thread.currentThread().getName())));
        works.scheduleWork(work(() -> {
            throw new IllegalStateException("kept for the test");
        }));

        assertTrue(works.awaitQuiescence(Duration.ofSeconds(5)));
        assertTrue(thread.get().startsWith("fake-work-"));
        assertEquals(2, works.scheduledCount());
        assertEquals(1, works.failures().size());
    }

    private static Work work(Runnable body) {
        return new Work() {
            @Override
            public void run() {
                body.run();
            }

            @Override
            public void release() {
                // short work
            }
        };
    }
}

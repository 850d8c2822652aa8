package dev.postbox.jms.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Measures kill → first redelivery for the table in {@code docs/crash-detection.md}; not part of the
 * regular suite (minutes with the default settings). Run with
 * {@code mvn -pl jms-provider test -Dtest=RedeliveryTimeMeasurementTest -Dpostbox.measureRedelivery=true
 * [-Dpostbox.measureRuns=5]}.
 *
 * <p>Each run: a consumer JVM holds one message in flight (processing never ends) and is killed with
 * SIGKILL; the test JVM (the only other node, so it is the one that reaps) waits in {@code receive()}.
 * Recorded per run: kill → the row's {@code claimed_by} cleared (detection: watched every 10 ms on a
 * separate JDBC connection), and kill → the redelivered message returned by {@code receive()}. Results are
 * appended to {@code target/crash-logs/redelivery-times.txt}.
 */
@EnabledIfSystemProperty(named = "postbox.measureRedelivery", matches = "true")
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class RedeliveryTimeMeasurementTest {

    private static final String QUEUE = "measured";
    private final ChildJvms children = new ChildJvms();
    private TestDatabase db;
    private Connection connection;

    @AfterEach
    void tearDown() throws Exception {
        children.close();
        if (connection != null) {
            connection.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @ParameterizedTest(name = "heartbeat {0} ms, node timeout {1} ms, poll {2} ms")
    @CsvSource({"200, 2000, 250", "200, 2000, 1000", "1000, 5000, 1000", "2000, 15000, 1000"})
    void killToFirstRedelivery(long heartbeat, long timeout, long poll) throws Exception {
        int runs = Integer.getInteger("postbox.measureRuns", 5);
        db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
        ChildArgs args = ChildArgs.of().with("url", db.url()).with("queue", QUEUE).with("heartbeat", heartbeat)
                .with("timeout", timeout).with("poll", poll);
        connection = args.factory().createConnection();
        connection.start();
        List<long[]> results = new ArrayList<>();
        try (Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE)) {
            MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
            for (int run = 1; run <= runs; run++) {
                Map<String, Integer> ids = CrashSupport.sendNumbered(connection, QUEUE, 1, 1);
                String messageId = ids.keySet().iterator().next();
                ChildJvm child = children.start("measure-" + heartbeat + "-" + timeout + "-" + poll + "-" + run,
                        CrashConsumerMain.class, args.copy().with("mode", "client").with("holdOn", 1).toList());
                child.awaitLine(l -> l.startsWith("HOLDING 1"), Duration.ofSeconds(60));
                long[] released = {-1};
                Thread watcher = new Thread(() -> released[0] = watchRelease(messageId), "release-watcher");
                long killedAt = child.kill();
                watcher.start();
                Message redelivered = consumer.receive(timeout + heartbeat + poll + 30_000);
                long deliveredAt = System.nanoTime();
                watcher.join(5_000);
                assertNotNull(redelivered, "redelivered");
                assertTrue(redelivered.getJMSRedelivered());
                assertEquals(2, redelivered.getIntProperty("JMSXDeliveryCount"));
                long detect = released[0] < 0 ? -1 : CrashSupport.millis(released[0] - killedAt);
                long deliver = CrashSupport.millis(deliveredAt - killedAt);
                results.add(new long[] {detect, deliver});
                report(String.format("heartbeat %d ms, timeout %d ms, poll %d ms, run %d: kill -> released %d ms,"
                        + " kill -> redelivered %d ms", heartbeat, timeout, poll, run, detect, deliver));
            }
        }
        report(String.format("SUMMARY heartbeat %d ms, timeout %d ms, poll %d ms, %d runs: released median %d"
                + " (%d-%d) ms; redelivered median %d (%d-%d) ms", heartbeat, timeout, poll, runs,
                median(results, 0), min(results, 0), max(results, 0), median(results, 1), min(results, 1),
                max(results, 1)));
    }

    private long watchRelease(String messageId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (java.sql.Connection c = db.connect();
                PreparedStatement s = c.prepareStatement("SELECT claimed_by FROM pb_message WHERE message_id = ?")) {
            s.setString(1, messageId);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery()) {
                    long now = System.nanoTime();
                    if (!rs.next() || isReclaimedOrFree(rs.getString(1))) {
                        return now;
                    }
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // sampling period
            }
        } catch (java.sql.SQLException e) {
            return -1;
        }
        return -1;
    }

    /** The row is free, or already claimed again by the test JVM's node (pid prefix). */
    private static boolean isReclaimedOrFree(String claimedBy) {
        return claimedBy == null || claimedBy.startsWith(ProcessHandle.current().pid() + "-");
    }

    private static void report(String line) throws IOException {
        System.out.println("[measure] " + line);
        Files.createDirectories(ChildJvm.LOG_DIR);
        Files.writeString(ChildJvm.LOG_DIR.resolve("redelivery-times.txt"), line + System.lineSeparator(),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static long median(List<long[]> results, int column) {
        List<Long> values = results.stream().map(r -> r[column]).sorted().toList();
        return values.get(values.size() / 2);
    }

    private static long min(List<long[]> results, int column) {
        return results.stream().mapToLong(r -> r[column]).min().orElse(-1);
    }

    private static long max(List<long[]> results, int column) {
        return results.stream().mapToLong(r -> r[column]).max().orElse(-1);
    }
}

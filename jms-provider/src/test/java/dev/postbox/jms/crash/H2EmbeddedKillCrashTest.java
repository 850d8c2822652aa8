package dev.postbox.jms.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 embedded (file database, the default store): one JVM owns the database, so the crash is of the whole
 * broker. The JVM is killed with SIGKILL in the middle of sending, then the database is opened again by a new
 * JVM (the test's). Checks that every send that returned normally before the kill is still there. (A process
 * kill only: the operating system's page cache survives it; H2 does not fsync on commit, so a power loss may
 * lose more.)
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class H2EmbeddedKillCrashTest {

    private static final String QUEUE = "h2-work";

    @TempDir
    Path dir;

    private final ChildJvms children = new ChildJvms();
    private Connection connection;

    @AfterEach
    void tearDown() throws Exception {
        children.close();
        if (connection != null) {
            connection.close();
        }
    }

    @Test
    void sendsThatReturnedBeforeTheJvmWasKilledSurviveItWithAPlainFileUrl() throws Exception {
        sendKillAndCount("jdbc:h2:" + dir.resolve("postbox").toAbsolutePath());
    }

    /** With {@code WRITE_DELAY=0} every commit reaches the file (the OS page cache survives a process kill). */
    @Test
    void sendsThatReturnedBeforeTheJvmWasKilledSurviveItWithWriteDelayZero() throws Exception {
        sendKillAndCount("jdbc:h2:" + dir.resolve("postbox").toAbsolutePath() + ";WRITE_DELAY=0");
    }

    private void sendKillAndCount(String url) throws Exception {
        ChildArgs args = ChildArgs.of().with("url", url).with("queue", QUEUE).with("heartbeat", 200)
                .with("timeout", 2_000).with("poll", 250);
        ChildJvm producer = children.start("h2-producer", ProducerMain.class,
                args.copy().with("from", 1).with("to", 100_000).toList());
        producer.awaitCount("SENT ", 500, Duration.ofSeconds(40));
        producer.kill();
        List<Integer> sent = CrashSupport.numbers(producer, "SENT");

        connection = args.factory().createConnection();
        connection.start();
        Set<Integer> received = new TreeSet<>();
        try (Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE)) {
            MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
            for (Message m = consumer.receive(2_000); m != null; m = consumer.receive(1_000)) {
                received.add(m.getIntProperty("n"));
            }
        }
        List<Integer> lost = new ArrayList<>(sent);
        lost.removeAll(received);
        System.out.println("[crash] H2 kill -9 while sending: " + sent.size() + " sends returned, " + received.size()
                + " messages found after reopening, lost " + lost.size() + (lost.isEmpty() ? ""
                : " (" + lost.get(0) + ".." + lost.get(lost.size() - 1) + ")") + "; files "
                + Files.list(dir).map(p -> p.getFileName().toString()).toList());
        assertEquals(List.of(), lost, "sends that returned before the kill were lost");
        assertTrue(received.size() >= sent.size());
    }
}

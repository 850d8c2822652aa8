package dev.postbox.jms.crash;

import dev.postbox.jms.PostboxAcknowledgeMode;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A consumer in a child JVM. Arguments ({@code key=value}): {@code url}, {@code queue}, {@code mode}
 * ({@code client}: receive loop in CLIENT_ACKNOWLEDGE, acknowledging every {@code ackEvery} messages;
 * {@code auto-listener}: a MessageListener in AUTO_ACKNOWLEDGE; {@code at-most-once}: receive loop in
 * {@link PostboxAcknowledgeMode#AT_MOST_ONCE_ACKNOWLEDGE}), {@code processMillis} (simulated work per
 * message), {@code holdOn} (the message number on which processing never ends), {@code haltOn} (the
 * message number that kills the JVM with {@code Runtime.halt(1)}: a poison message), {@code slowOn} and
 * {@code slowMillis} (that message takes that long, after printing {@code WORKING <n> …}), and the factory
 * settings of {@link ChildArgs#factory()}. A line {@code hold} on stdin makes the next message hang.
 *
 * <p>Prints, one flushed line each: {@code READY pid=<pid>}; {@code MSG <n> <redelivered> <count>} once a
 * message is processed (before it is acknowledged); {@code ACKED <n>} when {@code acknowledge()} returned
 * (client mode; n is the last message of the batch); {@code HOLDING <n> <redelivered> <count>};
 * {@code POISON <n> <count>} just before halting; {@code EXCEPTION <text>} from the ExceptionListener.
 */
public final class CrashConsumerMain {

    private static final AtomicBoolean HOLD_NEXT = new AtomicBoolean();
    private static volatile int slowOn = -1;
    private static volatile long slowMillis;

    private CrashConsumerMain() {
    }

    public static void main(String[] argv) throws Exception {
        ChildArgs args = ChildArgs.parse(argv);
        String mode = args.get("mode", "client");
        long processMillis = args.getLong("processMillis", 0);
        int holdOn = args.getInt("holdOn", -1);
        int haltOn = args.getInt("haltOn", -1);
        int ackEvery = args.getInt("ackEvery", 1);
        slowOn = args.getInt("slowOn", -1);
        slowMillis = args.getLong("slowMillis", 0);
        startCommandReader();

        Connection connection = args.factory().createConnection();
        connection.setExceptionListener(e -> print("EXCEPTION " + e.getMessage()));
        boolean client = mode.equals("client");
        boolean atMostOnce = mode.equals("at-most-once");
        Session session = connection.createSession(client ? Session.CLIENT_ACKNOWLEDGE
                : atMostOnce ? PostboxAcknowledgeMode.AT_MOST_ONCE_ACKNOWLEDGE : Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createQueue(args.get("queue")));
        if (client || atMostOnce) {
            connection.start();
            print("READY pid=" + ProcessHandle.current().pid());
            int unacknowledged = 0;
            while (true) {
                Message message = consumer.receive(1_000);
                if (message == null) {
                    continue;
                }
                int n = process(message, processMillis, holdOn, haltOn);
                if (client && ++unacknowledged >= ackEvery) {
                    message.acknowledge();
                    unacknowledged = 0;
                    print("ACKED " + n);
                }
            }
        } else if (mode.equals("auto-listener")) {
            consumer.setMessageListener(message -> {
                try {
                    process(message, processMillis, holdOn, haltOn);
                } catch (JMSException e) {
                    throw new IllegalStateException(e);
                }
            });
            connection.start();
            print("READY pid=" + ProcessHandle.current().pid());
            new CountDownLatch(1).await();
        } else {
            throw new IllegalArgumentException("Unknown mode " + mode);
        }
    }

    private static int process(Message message, long processMillis, int holdOn, int haltOn) throws JMSException {
        int n = message.getIntProperty("n");
        int count = message.getIntProperty("JMSXDeliveryCount");
        if (n == haltOn) {
            print("POISON " + n + " " + count);
            Runtime.getRuntime().halt(1);
        }
        if (n == holdOn || HOLD_NEXT.getAndSet(false)) {
            print("HOLDING " + n + " " + message.getJMSRedelivered() + " " + count);
            holdUntilKilled();
        }
        if (n == slowOn) {
            print("WORKING " + n + " " + message.getJMSRedelivered() + " " + count);
            sleep(slowMillis);
        }
        if (processMillis > 0) {
            sleep(processMillis);
        }
        print("MSG " + n + " " + message.getJMSRedelivered() + " " + count);
        return n;
    }

    private static void startCommandReader() {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.strip().equals("hold")) {
                        HOLD_NEXT.set(true);
                    }
                }
            } catch (java.io.IOException e) {
                // stdin closed: no more commands
            }
        }, "commands");
        reader.setDaemon(true);
        reader.start();
    }

    static void print(String line) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }

    /** Simulated processing time of the consumer (the work being measured, not a wait for a condition). */
    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Holds the current message until the test kills this JVM (it waits for the HOLDING line, then sends
     * SIGKILL): parks the thread for good, never returning.
     */
    static void holdUntilKilled() {
        while (true) {
            java.util.concurrent.locks.LockSupport.park();
        }
    }
}

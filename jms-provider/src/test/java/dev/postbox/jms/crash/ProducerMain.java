package dev.postbox.jms.crash;

import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * A producer in a child JVM: sends persistent text messages numbered {@code from}..{@code to} (int
 * property {@code n}) to {@code queue}, pausing {@code delayMillis} between sends, printing
 * {@code SENT <n>} after each send returned, then {@code DONE}, and exits.
 */
public final class ProducerMain {

    private ProducerMain() {
    }

    public static void main(String[] argv) throws Exception {
        ChildArgs args = ChildArgs.parse(argv);
        int from = args.getInt("from", 1);
        int to = args.getInt("to", 100);
        long delay = args.getLong("delayMillis", 0);
        try (Connection connection = args.factory().createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(args.get("queue")));
            CrashConsumerMain.print("READY pid=" + ProcessHandle.current().pid());
            for (int n = from; n <= to; n++) {
                TextMessage message = session.createTextMessage("message " + n);
                message.setIntProperty("n", n);
                producer.send(message);
                CrashConsumerMain.print("SENT " + n);
                if (delay > 0) {
                    Thread.sleep(delay); // pacing of the simulated producer, not a wait for a condition
                }
            }
        }
        CrashConsumerMain.print("DONE");
    }
}

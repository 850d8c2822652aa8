package dev.postbox.benchmarks.scenario;

import dev.postbox.benchmarks.system.JmsBenchmarkSystem;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;

/**
 * f: fan-out. One producer publishes to a topic with 1, 10 and 100 durable subscriptions, transacted, a
 * commit every batch; the subscriptions are inactive, so every copy is stored. Then one of the 100
 * subscriptions is drained (transacted) while the other 99 keep their copies: what an unread subscription
 * costs a read one. JMS systems only (the raw table queue has no topics). A first pass with one
 * subscription warms the JVM up unmeasured.
 */
final class FanOutScenario implements Scenario {

    static final int[] SUBSCRIPTIONS = {1, 10, 100};
    private static final String CLIENT_ID = "bench-fanout";
    private static final long RECEIVE_TIMEOUT_MILLIS = 10_000;

    @Override
    public String queue() {
        return "bench_f";
    }

    @Override
    public boolean purgeAfter() {
        return false; // every subscription is removed by the scenario itself
    }

    @Override
    public void run(ScenarioRun run) throws Exception {
        if (!(run.system() instanceof JmsBenchmarkSystem jms)) {
            for (FigureSpec figure : ScenarioId.F.figures(run.workload())) {
                run.reporter().notAvailable(figure.id(), "no topics (not a JMS provider)");
            }
            return;
        }
        ConnectionFactory factory = jms.connectionFactory();
        Workload w = run.workload();
        byte[] payload = run.payload();
        measure(factory, "bench_f_warmup", 1, w.forWarmup(), payload, Reporter.DISCARD);
        for (int subscriptions : SUBSCRIPTIONS) {
            measure(factory, "bench_f" + subscriptions, subscriptions, w, payload, run.reporter());
        }
    }

    private static void measure(ConnectionFactory factory, String topicName, int subscriptions, Workload w,
            byte[] payload, Reporter reporter) throws Exception {
        try (Connection subscriber = factory.createConnection()) {
            subscriber.setClientID(CLIENT_ID);
            Session session = subscriber.createSession(true, Session.SESSION_TRANSACTED);
            Topic topic = session.createTopic(topicName);
            for (int i = 0; i < subscriptions; i++) {
                session.createDurableConsumer(topic, subscriptionName(i)).close();
            }
            long start = System.nanoTime();
            int published = publish(factory, topicName, w, payload);
            reporter.figure("f" + subscriptions + ".publish", Rates.perSecond(published, System.nanoTime() - start));
            if (subscriptions == SUBSCRIPTIONS[SUBSCRIPTIONS.length - 1]) {
                subscriber.start();
                drainOne(session, topic, published, w, reporter);
            }
            for (int i = 0; i < subscriptions; i++) {
                session.unsubscribe(subscriptionName(i));
            }
        }
    }

    private static int publish(ConnectionFactory factory, String topicName, Workload w, byte[] payload)
            throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createTopic(topicName));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            Deadline deadline = Deadline.after(w.phase());
            int sent = 0;
            while (sent < w.messages() && !deadline.passed()) {
                int end = Math.min(w.messages(), sent + w.batch());
                for (; sent < end; sent++) {
                    BytesMessage message = session.createBytesMessage();
                    message.writeBytes(payload);
                    producer.send(message);
                }
                session.commit();
            }
            return sent;
        }
    }

    private static void drainOne(Session session, Topic topic, int published, Workload w, Reporter reporter)
            throws JMSException {
        MessageConsumer consumer = session.createDurableConsumer(topic, subscriptionName(0));
        Deadline deadline = Deadline.after(w.phase());
        long start = System.nanoTime();
        int received = 0;
        while (received < published && !deadline.passed()
                && consumer.receive(RECEIVE_TIMEOUT_MILLIS) != null) {
            received++;
            if (received % w.batch() == 0) {
                session.commit();
            }
        }
        session.commit();
        reporter.figure("f100.drain", Rates.perSecond(received, System.nanoTime() - start));
        consumer.close();
    }

    private static String subscriptionName(int index) {
        return "sub" + index;
    }
}

package dev.postbox.benchmarks.scenario;

import dev.postbox.benchmarks.client.Mode;
import dev.postbox.benchmarks.client.Receiver;
import dev.postbox.benchmarks.client.Sender;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * c2/c4: one producer sends as fast as it can (each send committed) while N competing consumers receive
 * in loops, each acknowledging every message with a blocking CLIENT_ACKNOWLEDGE. Throughput is received
 * messages from the first send to the last receive; latency is receive time minus the send time carried in
 * the message (one JVM, one clock).
 */
final class EndToEndScenario implements Scenario {

    private static final System.Logger LOG = System.getLogger(EndToEndScenario.class.getName());
    private static final long POLL_MILLIS = 200;
    private static final Duration DRAIN_GRACE = Duration.ofSeconds(30);

    private final String prefix;
    private final int consumers;

    EndToEndScenario(String prefix, int consumers) {
        this.prefix = prefix;
        this.consumers = consumers;
    }

    @Override
    public String queue() {
        return "bench_" + prefix;
    }

    @Override
    public void run(ScenarioRun run) throws Exception {
        run.system().prepareQueue(queue());
        List<Receiver> receivers = new ArrayList<>();
        try {
            for (int i = 0; i < consumers; i++) {
                receivers.add(run.client().receiver(queue(), Mode.EACH));
            }
            measure(run, receivers);
        } finally {
            for (Receiver r : receivers) {
                r.close();
            }
        }
    }

    private void measure(ScenarioRun run, List<Receiver> receivers) throws Exception {
        Workload w = run.workload();
        Consumers group = new Consumers();
        List<Thread> threads = new ArrayList<>();
        List<LatencySamples> samples = new ArrayList<>();
        for (int i = 0; i < receivers.size(); i++) {
            LatencySamples mine = new LatencySamples();
            samples.add(mine);
            Receiver receiver = receivers.get(i);
            Thread t = new Thread(() -> group.consume(receiver, mine), prefix + "-consumer-" + i);
            threads.add(t);
            t.start();
        }
        long start = System.nanoTime();
        int sent;
        try (Sender sender = run.client().sender(queue(), Mode.EACH)) {
            sent = SendScenario.sendFor(sender, run.payload(), 1, w.messages(), Deadline.after(w.phase()));
        } catch (Exception e) {
            group.stop();
            for (Thread t : threads) {
                t.join();
            }
            throw e;
        }
        group.producerDone(sent);
        Deadline drained = Deadline.after(w.phase().plus(DRAIN_GRACE));
        for (Thread t : threads) {
            t.join(Math.max(1, drained.remainingMillis()));
        }
        group.stop();
        for (Thread t : threads) {
            t.join();
        }
        group.rethrow();
        report(run, group, sent, start, LatencySamples.sortedUnion(samples));
    }

    private void report(ScenarioRun run, Consumers group, int sent, long start, long[] latencies) {
        long received = group.received.get();
        LOG.log(System.Logger.Level.INFO, "{0}: sent {1}, received {2}, first send to last receive {3} ms",
                prefix, sent, received, (group.lastReceive.get() - start) / 1_000_000);
        if (received < sent) {
            LOG.log(System.Logger.Level.WARNING, "{0}: {1} of {2} messages arrived before the drain time ran out",
                    prefix, received, sent);
        }
        run.reporter().figure(prefix + ".rate", Rates.perSecond(received, group.lastReceive.get() - start));
        run.reporter().figure(prefix + ".p50", Rates.millis(LatencySamples.percentile(latencies, 50)));
        run.reporter().figure(prefix + ".p99", Rates.millis(LatencySamples.percentile(latencies, 99)));
    }

    /** State shared by the consumer threads. */
    private static final class Consumers {
        final AtomicLong received = new AtomicLong();
        final AtomicLong lastReceive = new AtomicLong();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        volatile long sentTotal = Long.MAX_VALUE; // known once the producer is done
        volatile boolean stopped;

        void producerDone(long sent) {
            sentTotal = sent;
        }

        void stop() {
            stopped = true;
        }

        void consume(Receiver receiver, LatencySamples samples) {
            try {
                while (!stopped && received.get() < sentTotal) {
                    long sentNanos = receiver.receive(POLL_MILLIS);
                    if (sentNanos == Receiver.NOTHING) {
                        continue;
                    }
                    long now = System.nanoTime();
                    samples.add(now - sentNanos);
                    receiver.complete();
                    received.incrementAndGet();
                    lastReceive.accumulateAndGet(now, Math::max);
                }
            } catch (Throwable t) { // thread boundary: handed to the scenario thread by rethrow()
                failure.compareAndSet(null, t);
                stopped = true;
            }
        }

        void rethrow() throws Exception {
            Throwable t = failure.get();
            if (t instanceof Exception e) {
                throw e;
            } else if (t != null) {
                throw new IllegalStateException("consumer failed", t);
            }
        }
    }
}

package dev.postbox.benchmarks.scenario;

import dev.postbox.benchmarks.client.Mode;
import dev.postbox.benchmarks.client.Receiver;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * e: N consumers wait on an empty queue, each in a receive loop ({@code receive(1 s)}) on its own connection.
 * After a settling pause, measures the CPU time of this JVM over the idle duration (as a percentage of one
 * core), and that of the system's PostgreSQL backends where it has a database.
 */
final class IdleConsumersScenario implements Scenario {

    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final long RECEIVE_MILLIS = 1_000;

    @Override
    public String queue() {
        return "bench_e";
    }

    @Override
    public void run(ScenarioRun run) throws Exception {
        Workload w = run.workload();
        run.system().prepareQueue(queue());
        List<Receiver> receivers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        Waiting waiting = new Waiting();
        try {
            for (int i = 0; i < w.idleConsumers(); i++) {
                Receiver r = run.client().receiver(queue(), Mode.EACH);
                receivers.add(r);
                Thread t = new Thread(() -> waiting.idle(r), "idle-consumer-" + i);
                threads.add(t);
                t.start();
            }
            Thread.sleep(SETTLE.toMillis());
            measure(run, w.idle(), waiting);
        } finally {
            waiting.stopped = true;
            for (Thread t : threads) {
                t.join();
            }
            for (Receiver r : receivers) {
                r.close();
            }
        }
        waiting.rethrow();
    }

    private static void measure(ScenarioRun run, Duration idle, Waiting waiting) throws Exception {
        Optional<PgBackendCpu> pg = run.system().database().map(db -> new PgBackendCpu(run.context().pg(), db));
        Map<Integer, Long> pgBefore = pg.isPresent() ? pg.get().sample() : Map.of();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        Thread.sleep(idle.toMillis());
        long cpu = processCpuNanos() - cpuBefore;
        long wall = System.nanoTime() - start;
        Map<Integer, Long> pgAfter = pg.isPresent() ? pg.get().sample() : Map.of();
        waiting.rethrow();
        run.reporter().figure("e.cpu", 100.0 * cpu / wall);
        if (pg.isPresent()) {
            run.reporter().figure("e.pgcpu", 100.0 * PgBackendCpu.used(pgBefore, pgAfter) / wall);
        } else {
            run.reporter().notAvailable("e.pgcpu", "no database");
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** State shared by the idle consumer threads. */
    private static final class Waiting {
        volatile boolean stopped;
        volatile Throwable failure;

        void idle(Receiver receiver) {
            try {
                while (!stopped) {
                    if (receiver.receive(RECEIVE_MILLIS) != Receiver.NOTHING) {
                        receiver.complete();
                    }
                }
            } catch (Throwable t) { // thread boundary: handed to the scenario thread by rethrow()
                failure = t;
            }
        }

        void rethrow() throws Exception {
            Throwable t = failure;
            if (t instanceof Exception e) {
                throw e;
            } else if (t != null) {
                throw new IllegalStateException("idle consumer failed", t);
            }
        }
    }
}

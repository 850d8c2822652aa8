package dev.postbox.benchmarks.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The scenarios the harness knows, in table order, with the rows each one fills. */
public enum ScenarioId {
    A1(false),
    A2(false),
    B1(false),
    B2(false),
    C2(false),
    C4(false),
    /** backlog start-up: needs two JVMs of its own */
    D(true),
    /** idle consumers: needs a JVM of its own and a long quiet time */
    E(true),
    /** fan-out to 1, 10 and 100 durable subscriptions: a JVM of its own, long set-up on some peers */
    F(true);

    private final boolean heavy;

    ScenarioId(boolean heavy) {
        this.heavy = heavy;
    }

    /** The name used in {@code bench.scenarios}, e.g. {@code c4}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Heavy scenarios run in the first {@code bench.heavyRounds} rounds only. */
    public boolean heavy() {
        return heavy;
    }

    public List<FigureSpec> figures(Workload w) {
        return switch (this) {
            case A1 -> List.of(rate("a1", "a1 send, each committed"));
            case A2 -> List.of(rate("a2", "a2 send, transacted, commit every " + w.batch()));
            case B1 -> List.of(rate("b1", "b1 drain, CLIENT_ACK per message (blocking)"));
            case B2 -> List.of(rate("b2", "b2 drain, transacted, commit every " + w.batch()));
            case C2 -> endToEnd("c2", 2);
            case C4 -> endToEnd("c4", 4);
            case D -> List.of(
                    new FigureSpec("d.startup", "d start-up to first delivery, backlog " + count(w.backlog()),
                            Unit.MILLIS),
                    new FigureSpec("d.heap", "d heap used after start-up (after full GC)", Unit.MEGABYTES),
                    rate("d.send", "d send at depth, each committed"),
                    rate("d.receive", "d receive at depth, CLIENT_ACK per message"));
            case E -> List.of(
                    new FigureSpec("e.cpu", "e CPU of " + w.idleConsumers() + " idle consumers over "
                            + w.idle().toSeconds() + " s (system JVM)", Unit.PERCENT_OF_CORE),
                    new FigureSpec("e.pgcpu", "e CPU of the system's PostgreSQL backends meanwhile",
                            Unit.PERCENT_OF_CORE));
            case F -> List.of(
                    rate("f1.publish", "f publish to a topic with 1 durable subscription, transacted, commit every "
                            + w.batch()),
                    rate("f10.publish", "f the same with 10 durable subscriptions"),
                    rate("f100.publish", "f the same with 100 durable subscriptions"),
                    rate("f100.drain", "f drain 1 of those 100 subscriptions (99 unread), transacted"));
        };
    }

    public static ScenarioId parse(String key) {
        return Arrays.stream(values())
                .filter(s -> s.key().equals(key.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + key + "', expected one of "
                        + Arrays.stream(values()).map(ScenarioId::key).toList()));
    }

    private static List<FigureSpec> endToEnd(String id, int consumers) {
        String who = id + " 1 producer + " + consumers + " consumers";
        return List.of(
                rate(id + ".rate", who + ", throughput"),
                new FigureSpec(id + ".p50", who + ", latency p50", Unit.MILLIS),
                new FigureSpec(id + ".p99", who + ", latency p99", Unit.MILLIS));
    }

    private static FigureSpec rate(String id, String label) {
        return new FigureSpec(id, label, Unit.PER_SECOND);
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}

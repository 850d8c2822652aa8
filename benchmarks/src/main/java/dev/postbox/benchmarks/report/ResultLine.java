package dev.postbox.benchmarks.report;

import java.util.Locale;
import java.util.Optional;

/**
 * The protocol between a child JVM and the harness: one line on the child's standard output per result,
 * starting with {@value #PREFIX}. Every other line is log output.
 */
public sealed interface ResultLine {

    String PREFIX = "@bench ";

    String encode();

    /** A measured value of one figure. */
    record Figure(String id, double value) implements ResultLine {
        @Override
        public String encode() {
            return PREFIX + "figure " + id + " " + String.format(Locale.ROOT, "%.6f", value);
        }
    }

    /** A figure that could not be measured, with the reason. */
    record NotAvailable(String id, String reason) implements ResultLine {
        @Override
        public String encode() {
            return PREFIX + "na " + id + " " + reason.replaceAll("\\s+", " ");
        }
    }

    /** What the system is, as it described itself after starting. */
    record Description(String text) implements ResultLine {
        @Override
        public String encode() {
            return PREFIX + "system " + text.replaceAll("\\s+", " ");
        }
    }

    static Optional<ResultLine> parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = line.substring(PREFIX.length()).split(" ", 3);
        return switch (parts[0]) {
            case "figure" -> Optional.of(new Figure(parts[1], Double.parseDouble(parts[2])));
            case "na" -> Optional.of(new NotAvailable(parts[1], parts.length > 2 ? parts[2] : "?"));
            case "system" -> Optional.of(new Description(line.substring(PREFIX.length() + "system ".length())));
            default -> Optional.empty();
        };
    }
}

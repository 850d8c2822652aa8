package dev.postbox.benchmarks.report;

import dev.postbox.benchmarks.scenario.Unit;

import java.util.Locale;

/** How numbers look in the table. */
final class Formats {

    private Formats() {
    }

    static String value(double v, Unit unit) {
        return switch (unit) {
            case PER_SECOND -> number(v) + "/s";
            case MILLIS -> number(v) + " ms";
            case MEGABYTES -> number(v) + " MB";
            case PERCENT_OF_CORE -> number(v) + "%";
        };
    }

    /** The bare number, as {@link #value} prints it. */
    static String number(double v) {
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        } else if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        } else if (a >= 0.01 || v == 0) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String ratio(double r) {
        if (r >= 100) {
            return String.format(Locale.ROOT, "%,.0fx", r);
        } else if (r >= 10) {
            return String.format(Locale.ROOT, "%.1fx", r);
        } else if (r >= 0.1) {
            return String.format(Locale.ROOT, "%.2fx", r);
        }
        return String.format(Locale.ROOT, "%.3fx", r);
    }
}

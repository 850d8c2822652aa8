package dev.postbox.benchmarks.scenario;

/** What a figure counts; decides formatting and which direction is better. */
public enum Unit {
    /** messages per second; higher is better */
    PER_SECOND,
    /** milliseconds; lower is better */
    MILLIS,
    /** mebibytes; lower is better */
    MEGABYTES,
    /** CPU time as a percentage of one core; lower is better */
    PERCENT_OF_CORE
}

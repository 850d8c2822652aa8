package dev.postbox.benchmarks;

import dev.postbox.benchmarks.report.ResultLine;
import dev.postbox.benchmarks.scenario.Reporter;

import java.io.PrintStream;

/** Writes a child's results to its standard output, one {@link ResultLine} per line. */
final class ChildReporter implements Reporter {

    private final PrintStream out;

    ChildReporter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void figure(String figureId, double value) {
        emit(new ResultLine.Figure(figureId, value));
    }

    @Override
    public void notAvailable(String figureId, String reason) {
        emit(new ResultLine.NotAvailable(figureId, reason));
    }

    void emit(ResultLine line) {
        synchronized (out) {
            out.println(line.encode());
            out.flush();
        }
    }
}

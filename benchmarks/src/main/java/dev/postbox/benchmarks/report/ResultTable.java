package dev.postbox.benchmarks.report;

import dev.postbox.benchmarks.scenario.FigureSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The Markdown table: rows are figures, columns are systems. A cell is the median over the rounds with its
 * min–max range, and the ratio to the baseline system measured in the same round (median and range of the
 * per-round ratios). Missing figures become "n/a [k]" with the reason in a numbered note.
 */
public final class ResultTable {

    private final List<String> systems;
    private final String baseline;
    private final int rounds;
    private final Results results;
    private final Map<String, Integer> notes = new LinkedHashMap<>(); // text -> number

    public ResultTable(List<String> systems, String baseline, int rounds, Results results) {
        this.systems = systems;
        this.baseline = baseline;
        this.rounds = rounds;
        this.results = results;
    }

    /** The table, followed by its numbered notes (if any). */
    public String markdown(List<FigureSpec> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| scenario |");
        systems.forEach(s -> out.append(' ').append(s).append(" |"));
        out.append("\n|---|");
        systems.forEach(s -> out.append("---|"));
        out.append('\n');
        for (FigureSpec row : rows) {
            out.append("| ").append(row.label()).append(" |");
            for (String system : systems) {
                out.append(' ').append(cell(row, system)).append(" |");
            }
            out.append('\n');
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach((text, number) -> out.append("[").append(number).append("] ").append(text).append("  \n"));
        }
        return out.toString();
    }

    private String cell(FigureSpec row, String system) {
        List<Double> values = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            OptionalDouble v = results.value(round, system, row.id());
            if (v.isEmpty()) {
                continue;
            }
            values.add(v.getAsDouble());
            OptionalDouble base = results.value(round, baseline, row.id());
            if (base.isPresent() && base.getAsDouble() > 0) {
                ratios.add(v.getAsDouble() / base.getAsDouble());
            }
        }
        if (values.isEmpty()) {
            return "n/a " + note(system + ": " + results.reason(rounds, system, row.id()).orElse("not measured"));
        }
        Spread spread = Spread.of(values);
        String text = Formats.value(spread.median(), row.unit()) + range(spread, false);
        if (system.equals(baseline)) {
            return text + " (1.00x)";
        }
        if (ratios.isEmpty()) {
            return text;
        }
        Spread r = Spread.of(ratios);
        return text + " (" + Formats.ratio(r.median()) + range(r, true) + ")";
    }

    private static String range(Spread s, boolean ratio) {
        if (s.count() < 2) {
            return "";
        }
        String min = ratio ? Formats.ratio(s.min()) : Formats.number(s.min());
        String max = ratio ? Formats.ratio(s.max()) : Formats.number(s.max());
        return " [" + min + "–" + max + "]";
    }

    /** The number of the note with this text; one note per distinct system and reason. */
    private String note(String text) {
        return "[" + notes.computeIfAbsent(text, t -> notes.size() + 1) + "]";
    }
}

package dev.postbox.benchmarks.report;

import dev.postbox.benchmarks.scenario.FigureSpec;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Everything the child JVMs reported, by round, system and figure. */
public final class Results {

    private final Map<Key, Double> values = new HashMap<>();
    private final Map<Key, String> reasons = new HashMap<>();
    private final Map<String, String> descriptions = new LinkedHashMap<>();

    public void record(int round, String system, ResultLine line) {
        if (line instanceof ResultLine.Figure f) {
            values.put(new Key(round, system, f.id()), f.value());
        } else if (line instanceof ResultLine.NotAvailable n) {
            reasons.putIfAbsent(new Key(round, system, n.id()), n.reason());
        } else if (line instanceof ResultLine.Description d) {
            descriptions.putIfAbsent(system, d.text());
        }
    }

    /** Marks every listed figure that has no value in this round as missing for {@code reason}. */
    public void missing(int round, String system, Iterable<FigureSpec> figures, String reason) {
        for (FigureSpec f : figures) {
            Key key = new Key(round, system, f.id());
            if (!values.containsKey(key)) {
                reasons.putIfAbsent(key, reason);
            }
        }
    }

    public OptionalDouble value(int round, String system, String figureId) {
        Double v = values.get(new Key(round, system, figureId));
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** Why a figure is missing, from the first round that said so. */
    public Optional<String> reason(int rounds, String system, String figureId) {
        for (int round = 1; round <= rounds; round++) {
            String r = reasons.get(new Key(round, system, figureId));
            if (r != null) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public Optional<String> description(String system) {
        return Optional.ofNullable(descriptions.get(system));
    }

    private record Key(int round, String system, String figureId) {
    }
}

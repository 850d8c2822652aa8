package dev.postbox.benchmarks;

import dev.postbox.benchmarks.scenario.ScenarioId;

import java.util.List;

/**
 * Which systems and scenarios run, and how often.
 *
 * @param systems     column order; the first is the baseline every ratio divides by (raw-pg)
 * @param heavyRounds the rounds (from the first) that also run the heavy scenarios d and e
 */
public record RunPlan(List<String> systems, List<ScenarioId> scenarios, int rounds, int heavyRounds) {

    boolean heavyIn(int round) {
        return round <= heavyRounds;
    }
}

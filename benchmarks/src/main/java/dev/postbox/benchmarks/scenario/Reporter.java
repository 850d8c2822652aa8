package dev.postbox.benchmarks.scenario;

/** Where a scenario puts its figures. */
public interface Reporter {

    /** Throws the figures away: used while warming up. */
    Reporter DISCARD = new Reporter() {
        @Override
        public void figure(String figureId, double value) {
            // warm-up results are not reported
        }

        @Override
        public void notAvailable(String figureId, String reason) {
            // warm-up results are not reported
        }
    };

    void figure(String figureId, double value);

    /** The figure cannot be measured for this system; the table shows "n/a" with the reason. */
    void notAvailable(String figureId, String reason);
}

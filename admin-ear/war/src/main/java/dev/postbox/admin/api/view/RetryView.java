package dev.postbox.admin.api.view;

import dev.postbox.jms.management.RetryResult;
import java.util.List;

/**
 * The outcome of a dead-letter retry.
 *
 * @param retried messages returned to their origin
 * @param skipped messages left in place
 * @param notes why they were left
 */
public record RetryView(int retried, int skipped, List<String> notes) {

    /** The view of a management result. */
    public static RetryView of(RetryResult r) {
        return new RetryView(r.retried(), r.skipped(), r.notes());
    }
}

package dev.postbox.admin.api.view;

import java.time.Instant;

/** Instants as ISO-8601 text, null as null. */
final class Times {

    private Times() {
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}

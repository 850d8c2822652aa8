package dev.postbox.admin.api;

import dev.postbox.jms.management.ManagementException;

/** The HTTP status of a failed management operation. */
final class ErrorStatus {

    static final int BAD_REQUEST = 400;
    static final int NOT_FOUND = 404;
    static final int CONFLICT = 409;
    static final int INTERNAL_ERROR = 500;
    static final int UNAVAILABLE = 503;

    private ErrorStatus() {
    }

    static int of(ManagementException e) {
        if (e instanceof ManagementException.NotFound) {
            return NOT_FOUND;
        }
        if (e instanceof ManagementException.InvalidRequest) {
            return BAD_REQUEST;
        }
        if (e instanceof ManagementException.Conflict) {
            return CONFLICT;
        }
        if (e instanceof ManagementException.Unavailable) {
            return UNAVAILABLE;
        }
        return INTERNAL_ERROR;
    }
}

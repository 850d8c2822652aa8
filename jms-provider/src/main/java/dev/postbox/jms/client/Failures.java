package dev.postbox.jms.client;

/** Describes a failure in the form stored with a redelivered or dead-lettered message. */
final class Failures {

    private Failures() {
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getName() + (message == null ? "" : ": " + message);
    }
}

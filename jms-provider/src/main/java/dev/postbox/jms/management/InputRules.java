package dev.postbox.jms.management;

import dev.postbox.jms.store.ScanPosition;
import java.util.regex.Pattern;

/** Validation of management input; every violation is a {@link ManagementException.InvalidRequest}. */
final class InputRules {

    /**
     * Names of new queues: letters, digits and {@code . _ - : $ @} (no {@code /}, so that every new queue
     * can be named in a URL path segment).
     */
    private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9._\\-:$@]{1,200}");
    private static final long MAX_DELAY_MILLIS = 7L * 24 * 3600 * 1000;
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,2})-(\\d{1,19})");

    private InputRules() {
    }

    /** The name of an existing queue: anything non-blank (queues made by applications may have any name). */
    static String existingName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new ManagementException.InvalidRequest("A " + what + " name is required");
        }
        return name;
    }

    /** The name of a queue to create. */
    static String newQueueName(String name) {
        existingName(name, "queue");
        if (!QUEUE_NAME.matcher(name).matches()) {
            throw new ManagementException.InvalidRequest("Invalid queue name \"" + name + "\": use 1 to 200 letters,"
                    + " digits and . _ - : $ @");
        }
        if (name.startsWith("temp-")) {
            throw new ManagementException.InvalidRequest("Invalid queue name \"" + name
                    + "\": names starting with temp- are reserved for temporary queues");
        }
        return name;
    }

    /** A policy for the named queue; null means the broker's defaults. */
    static DeliveryPolicy policy(DeliveryPolicy policy, String queue) {
        if (policy == null) {
            return DeliveryPolicy.DEFAULTS;
        }
        Integer attempts = policy.maxDeliveryAttempts();
        if (attempts != null && (attempts < 0 || attempts > 1_000_000)) {
            invalid("maxDeliveryAttempts must be between 0 (unlimited) and 1000000, not " + attempts);
        }
        delay("redeliveryDelayMillis", policy.redeliveryDelayMillis());
        delay("maxRedeliveryDelayMillis", policy.maxRedeliveryDelayMillis());
        Double multiplier = policy.redeliveryMultiplier();
        if (multiplier != null && !(multiplier >= 1.0 && multiplier <= 100.0)) {
            invalid("redeliveryMultiplier must be between 1 and 100, not " + multiplier);
        }
        if (policy.redeliveryDelayMillis() != null && policy.maxRedeliveryDelayMillis() != null
                && policy.maxRedeliveryDelayMillis() < policy.redeliveryDelayMillis()) {
            invalid("maxRedeliveryDelayMillis (" + policy.maxRedeliveryDelayMillis()
                    + ") must not be less than redeliveryDelayMillis (" + policy.redeliveryDelayMillis() + ")");
        }
        targetQueue("deadLetterQueue", policy.deadLetterQueue(), queue);
        targetQueue("expiryQueue", policy.expiryQueue(), queue);
        return policy;
    }

    private static void delay(String name, Long millis) {
        if (millis != null && (millis < 0 || millis > MAX_DELAY_MILLIS)) {
            invalid(name + " must be between 0 and " + MAX_DELAY_MILLIS + " (7 days), not " + millis);
        }
    }

    private static void targetQueue(String setting, String target, String queue) {
        if (target == null || target.isEmpty()) {
            return;
        }
        if (!QUEUE_NAME.matcher(target).matches()) {
            invalid(setting + " \"" + target + "\" is not a valid queue name (use \"\" to drop the messages)");
        }
        if (target.equals(queue)) {
            invalid(setting + " must name another queue than " + queue + " itself");
        }
    }

    /** A page size. */
    static int limit(int limit) {
        if (limit < 1 || limit > QueueManagement.MAX_PAGE_SIZE) {
            invalid("limit must be between 1 and " + QueueManagement.MAX_PAGE_SIZE + ", not " + limit);
        }
        return limit;
    }

    /** The position a browse cursor stands for; null for the first page. */
    static ScanPosition cursor(String after) {
        if (after == null || after.isEmpty()) {
            return null;
        }
        var match = CURSOR.matcher(after);
        if (!match.matches() || Integer.parseInt(match.group(1)) > 9) {
            invalid("Invalid page cursor \"" + after + "\": pass the next value of the previous page");
        }
        try {
            return new ScanPosition(Integer.parseInt(match.group(1)), Long.parseLong(match.group(2)));
        } catch (NumberFormatException e) {
            throw new ManagementException.InvalidRequest("Invalid page cursor \"" + after + "\"");
        }
    }

    /** The cursor of a position. */
    static String cursorOf(ScanPosition position) {
        return position.priority() + "-" + position.id();
    }

    private static void invalid(String message) {
        throw new ManagementException.InvalidRequest(message);
    }
}

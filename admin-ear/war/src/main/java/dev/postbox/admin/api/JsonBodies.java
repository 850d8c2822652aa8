package dev.postbox.admin.api;

import dev.postbox.jms.management.DeliveryPolicy;
import dev.postbox.jms.management.ManagementException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** Reads request bodies; a missing or mistyped field is a 400 naming it. */
final class JsonBodies {

    private JsonBodies() {
    }

    static JsonObject required(JsonObject body) {
        if (body == null) {
            throw invalid("A JSON object body is required");
        }
        return body;
    }

    static String string(JsonObject body, String key) {
        JsonValue value = required(body).get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString text)) {
            throw invalid("\"" + key + "\" must be a string");
        }
        return text.getString();
    }

    static String requiredString(JsonObject body, String key) {
        String value = string(body, key);
        if (value == null || value.isBlank()) {
            throw invalid("\"" + key + "\" is required");
        }
        return value;
    }

    static boolean flag(JsonObject body, String key) {
        JsonValue value = required(body).get(key);
        if (value == null || value == JsonValue.NULL || value == JsonValue.FALSE) {
            return false;
        }
        if (value == JsonValue.TRUE) {
            return true;
        }
        throw invalid("\"" + key + "\" must be true or false");
    }

    /** A delivery policy object; null when absent. */
    static DeliveryPolicy policy(JsonObject policy) {
        if (policy == null) {
            return null;
        }
        return new DeliveryPolicy(integer(policy, "maxDeliveryAttempts"), whole(policy, "redeliveryDelayMillis"),
                decimal(policy, "redeliveryMultiplier"), whole(policy, "maxRedeliveryDelayMillis"),
                string(policy, "deadLetterQueue"), string(policy, "expiryQueue"));
    }

    static JsonObject object(JsonObject body, String key) {
        JsonValue value = required(body).get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonObject object)) {
            throw invalid("\"" + key + "\" must be an object");
        }
        return object;
    }

    /** The message ids of a retry body; null when absent. */
    static List<Long> ids(JsonObject body) {
        JsonValue value = required(body).get("ids");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw invalid("\"ids\" must be an array of message ids");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonValue id : value.asJsonArray()) {
            if (!(id instanceof JsonNumber number) || !number.isIntegral()) {
                throw invalid("\"ids\" must hold whole numbers, not " + id);
            }
            ids.add(number.longValue());
        }
        return ids;
    }

    private static Integer integer(JsonObject body, String key) {
        JsonNumber number = number(body, key);
        if (number == null) {
            return null;
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            throw invalid("\"" + key + "\" must be a whole number, not " + number);
        }
    }

    private static Long whole(JsonObject body, String key) {
        JsonNumber number = number(body, key);
        if (number == null) {
            return null;
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            throw invalid("\"" + key + "\" must be a whole number, not " + number);
        }
    }

    private static Double decimal(JsonObject body, String key) {
        JsonNumber number = number(body, key);
        return number == null ? null : number.doubleValue();
    }

    private static JsonNumber number(JsonObject body, String key) {
        JsonValue value = body.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number)) {
            throw invalid("\"" + key + "\" must be a number or null");
        }
        return number;
    }

    private static ManagementException.InvalidRequest invalid(String message) {
        return new ManagementException.InvalidRequest(message);
    }
}

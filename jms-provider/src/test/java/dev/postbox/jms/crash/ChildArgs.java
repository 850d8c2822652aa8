package dev.postbox.jms.crash;

import dev.postbox.jms.PostboxConnectionFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code key=value} arguments of the child mains, and the connection factory they describe. The same
 * settings are used by the tests' own factories, so every node of a test has the same liveness timing.
 */
final class ChildArgs {

    private final Map<String, String> values = new LinkedHashMap<>();

    private ChildArgs() {
    }

    static ChildArgs parse(String[] args) {
        ChildArgs parsed = new ChildArgs();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("Expected key=value, got " + arg);
            }
            parsed.values.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return parsed;
    }

    static ChildArgs of() {
        return new ChildArgs();
    }

    ChildArgs with(String key, Object value) {
        values.put(key, String.valueOf(value));
        return this;
    }

    ChildArgs copy() {
        ChildArgs copy = new ChildArgs();
        copy.values.putAll(values);
        return copy;
    }

    String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("Missing argument " + key + "=…");
        }
        return value;
    }

    String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    long getLong(String key, long fallback) {
        String value = values.get(key);
        return value == null ? fallback : Long.parseLong(value);
    }

    int getInt(String key, int fallback) {
        return (int) getLong(key, fallback);
    }

    List<String> toList() {
        List<String> list = new ArrayList<>();
        values.forEach((k, v) -> list.add(k + "=" + v));
        return list;
    }

    /**
     * A factory on {@code url} with the liveness settings {@code heartbeat}, {@code timeout}, {@code poll}
     * (milliseconds), {@code maxAttempts} and {@code prefetch}; no linger after the last connection closes.
     * Prefetch defaults to 1 here: most crash tests pin the JMS acknowledgement window exactly (which
     * messages a dead consumer held); the prefetch tests set it.
     */
    PostboxConnectionFactory factory() {
        PostboxConnectionFactory factory = new PostboxConnectionFactory(get("url"));
        factory.setShutdownDelayMillis(0);
        factory.setMaxPoolSize(getInt("pool", 4));
        factory.setHeartbeatIntervalMillis(getLong("heartbeat", 200));
        factory.setNodeTimeoutMillis(getLong("timeout", 2_000));
        factory.setPollIntervalMillis(getLong("poll", 250));
        factory.setMaxDeliveryAttempts(getInt("maxAttempts", 10));
        factory.setPrefetchSize(getInt("prefetch", 1));
        factory.setConnectTimeoutMillis(getLong("connectTimeout", 5_000));
        return factory;
    }
}

package dev.postbox.jms.selector;

import java.util.HashMap;
import java.util.Map;

/** Test fixture: a {@link SelectorContext} backed by a map of identifier values. */
final class MapSelectorContext implements SelectorContext {

    private final Map<String, Object> values;

    private MapSelectorContext(Map<String, Object> values) {
        this.values = values;
    }

    /** A context with no values at all. */
    static MapSelectorContext empty() {
        return new MapSelectorContext(Map.of());
    }

    /** A context from alternating names and values; a value may be null. */
    static MapSelectorContext of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new MapSelectorContext(values);
    }

    /** This context with one more value. */
    MapSelectorContext with(String name, Object value) {
        Map<String, Object> copy = new HashMap<>(values);
        copy.put(name, value);
        return new MapSelectorContext(copy);
    }

    @Override
    public Object identifierValue(String identifier) {
        return values.get(identifier);
    }
}

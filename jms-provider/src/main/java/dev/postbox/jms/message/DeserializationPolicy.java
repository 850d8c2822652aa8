package dev.postbox.jms.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which classes {@link jakarta.jms.ObjectMessage#getObject()} may deserialize. Every class in the object
 * graph is checked, not just the root (see {@link ObjectBodyCodec}).
 *
 * <p>Each list holds entries of three forms:
 * <ul>
 *   <li>{@code *}: every class;</li>
 *   <li>{@code com.acme.*}: every class in package {@code com.acme} and its subpackages;</li>
 *   <li>{@code com.acme} or {@code com.acme.Order}: the classes directly in package {@code com.acme}, or
 *       the class {@code com.acme.Order} (and its nested classes).</li>
 * </ul>
 * A class is accepted when it matches the allow list and does not match the deny list (deny wins).
 * Primitive types and arrays of accepted types are accepted. The connection factory properties
 * {@code deserializationAllowList} and {@code deserializationDenyList} give the lists as comma-separated
 * strings, parsed by {@link #of(String, String)}.
 *
 * <p>The {@link #DEFAULT} policy accepts only the JDK value and collection classes of {@code java.lang},
 * {@code java.util}, {@code java.math} and {@code java.time} (no subpackages: not {@code java.lang.reflect}
 * nor {@code java.util.concurrent}), and denies nothing else explicitly: application classes must be
 * allowed by configuration.
 *
 * @param allowList the entries that accept classes
 * @param denyList the entries that refuse classes, even if allowed
 */
public record DeserializationPolicy(List<String> allowList, List<String> denyList) {

    /** The allow list used when none is configured. */
    public static final String DEFAULT_ALLOW_LIST = "java.lang,java.util,java.math,java.time";

    /** The deny list used when none is configured. */
    public static final String DEFAULT_DENY_LIST = "";

    /** Allows only {@value #DEFAULT_ALLOW_LIST}. */
    public static final DeserializationPolicy DEFAULT = of(DEFAULT_ALLOW_LIST, DEFAULT_DENY_LIST);

    /** Allows every class: only for trusted senders. */
    public static final DeserializationPolicy ALLOW_ALL = of("*", "");

    /** Copies the lists and checks their entries. */
    public DeserializationPolicy {
        allowList = List.copyOf(allowList);
        denyList = List.copyOf(denyList);
        allowList.forEach(DeserializationPolicy::checkEntry);
        denyList.forEach(DeserializationPolicy::checkEntry);
    }

    /**
     * Parses comma-separated lists; blanks around entries and empty entries are ignored.
     *
     * @param allowList the allow list, or null for {@value #DEFAULT_ALLOW_LIST}
     * @param denyList the deny list, or null for none
     */
    public static DeserializationPolicy of(String allowList, String denyList) {
        return new DeserializationPolicy(split(allowList == null ? DEFAULT_ALLOW_LIST : allowList),
                split(denyList == null ? DEFAULT_DENY_LIST : denyList));
    }

    /** True when the class may be deserialized. */
    public boolean isAllowed(Class<?> type) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        return element.isPrimitive() || isAllowed(element.getName());
    }

    /** True when a class of this binary name (e.g. {@code com.acme.Order$Line}) may be deserialized. */
    public boolean isAllowed(String className) {
        return matchesAny(allowList, className) && !matchesAny(denyList, className);
    }

    private static boolean matchesAny(List<String> entries, String className) {
        for (String entry : entries) {
            if (matches(entry, className)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String entry, String className) {
        if (entry.equals("*")) {
            return true;
        }
        if (entry.endsWith(".*")) {
            return className.startsWith(entry.substring(0, entry.length() - 1));
        }
        int lastDot = className.lastIndexOf('.');
        String packageName = lastDot < 0 ? "" : className.substring(0, lastDot);
        return entry.equals(packageName) || entry.equals(className) || className.startsWith(entry + "$");
    }

    private static List<String> split(String list) {
        List<String> entries = new ArrayList<>();
        for (String entry : list.split(",")) {
            String trimmed = entry.trim();
            if (!trimmed.isEmpty()) {
                entries.add(trimmed);
            }
        }
        return entries;
    }

    private static void checkEntry(String entry) {
        Objects.requireNonNull(entry, "entry");
        if (entry.equals("*")) {
            return;
        }
        String body = entry.endsWith(".*") ? entry.substring(0, entry.length() - 2) : entry;
        for (String part : body.split("\\.", -1)) {
            if (!isIdentifier(part)) {
                throw new IllegalArgumentException("Invalid deserialization list entry \"" + entry
                        + "\": use *, a package (com.acme), a package tree (com.acme.*) or a class name");
            }
        }
    }

    private static boolean isIdentifier(String part) {
        if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))) {
            return false;
        }
        return part.chars().allMatch(Character::isJavaIdentifierPart);
    }

    @Override
    public String toString() {
        return "allow " + String.join(",", allowList) + "; deny " + String.join(",", denyList);
    }
}

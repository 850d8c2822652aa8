package dev.postbox.jms.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing and matching of allow and deny lists. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DeserializationPolicyTest {

    @Test
    void unconfiguredListsGiveTheDefault() {
        assertEquals(DeserializationPolicy.DEFAULT, DeserializationPolicy.of(null, null));
        assertEquals(List.of("java.lang", "java.util", "java.math", "java.time"),
                DeserializationPolicy.DEFAULT.allowList());
        assertEquals(List.of(), DeserializationPolicy.DEFAULT.denyList());
    }

    @Test
    void blanksAndEmptyEntriesAreIgnored() {
        DeserializationPolicy policy = DeserializationPolicy.of(" java.lang , ,com.acme.* ", "");
        assertEquals(List.of("java.lang", "com.acme.*"), policy.allowList());
    }

    @Test
    void emptyAllowListAllowsNoClassButPrimitives() {
        DeserializationPolicy policy = DeserializationPolicy.of("", null);
        assertFalse(policy.isAllowed(String.class));
        assertTrue(policy.isAllowed(int.class));
        assertTrue(policy.isAllowed(long[][].class));
    }

    @ParameterizedTest(name = "entry {0} matches {1}: {2}")
    @CsvSource({
        "*, com.acme.Order, true",
        "com.acme, com.acme.Order, true",
        "com.acme, com.acme.Order$Line, true",
        "com.acme, com.acme.sub.Thing, false",
        "com.acme, com.acmeX.Order, false",
        "com.acme.*, com.acme.Order, true",
        "com.acme.*, com.acme.sub.Thing, true",
        "com.acme.*, com.acmeX.Order, false",
        "com.acme.Order, com.acme.Order, true",
        "com.acme.Order, com.acme.Order$Line, true",
        "com.acme.Order, com.acme.OrderLine, false",
        "com.acme.Order, com.acme.Invoice, false",
        "java.lang, java.lang.reflect.Proxy, false",
    })
    void entryMatchesPackagesTreesAndClasses(String entry, String className, boolean matches) {
        assertEquals(matches, DeserializationPolicy.of(entry, "").isAllowed(className));
    }

    @Test
    void denyListWinsOverAllowList() {
        DeserializationPolicy policy = DeserializationPolicy.of("com.acme.*", "com.acme.internal.*,com.acme.Secret");
        assertTrue(policy.isAllowed("com.acme.Order"));
        assertFalse(policy.isAllowed("com.acme.internal.Gadget"));
        assertFalse(policy.isAllowed("com.acme.Secret"));
        assertFalse(policy.isAllowed("com.acme.Secret$Inner"));
    }

    @Test
    void arraysAreJudgedByTheirElementType() {
        DeserializationPolicy policy = DeserializationPolicy.DEFAULT;
        assertTrue(policy.isAllowed(String[][].class));
        assertFalse(policy.isAllowed(DeserializationPolicyTest[].class));
    }

    @ParameterizedTest(name = "\"{0}\" is not a valid entry")
    @ValueSource(strings = {"com..acme", ".com", "com.", "*.acme", "com.*.x", "com.ac me", ".*"})
    void invalidEntriesAreRefused(String entry) {
        assertThrows(IllegalArgumentException.class, () -> DeserializationPolicy.of(entry, ""));
        assertThrows(IllegalArgumentException.class, () -> DeserializationPolicy.of("java.lang", entry));
    }

    @Test
    void listsAreImmutableCopies() {
        java.util.ArrayList<String> allow = new java.util.ArrayList<>(List.of("java.lang"));
        DeserializationPolicy policy = new DeserializationPolicy(allow, List.of());
        allow.add("*");
        assertFalse(policy.isAllowed("com.acme.Order"));
        assertThrows(UnsupportedOperationException.class, () -> policy.allowList().add("*"));
    }
}

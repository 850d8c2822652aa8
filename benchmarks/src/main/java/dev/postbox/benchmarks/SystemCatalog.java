package dev.postbox.benchmarks;

import dev.postbox.benchmarks.artemis.ArtemisJdbcSystem;
import dev.postbox.benchmarks.artemis.ArtemisJournalSystem;
import dev.postbox.benchmarks.classic.ClassicJdbcSystem;
import dev.postbox.benchmarks.postbox.PostboxH2System;
import dev.postbox.benchmarks.postbox.PostboxPgSystem;
import dev.postbox.benchmarks.rawpg.RawPgSystem;
import dev.postbox.benchmarks.system.BenchmarkSystem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The systems the harness knows by name, in column order. Any other name given in {@code bench.systems} is
 * taken as the fully qualified name of a {@link BenchmarkSystem} class with a public no-argument
 * constructor, so a new system runs before it is listed here.
 */
public final class SystemCatalog {

    private static final Map<String, Supplier<BenchmarkSystem>> SYSTEMS = new LinkedHashMap<>();

    static {
        // raw-pg first: every ratio divides by it
        SYSTEMS.put("raw-pg", RawPgSystem::new);
        SYSTEMS.put("artemis-jdbc", ArtemisJdbcSystem::new);
        SYSTEMS.put("artemis-journal", ArtemisJournalSystem::new);
        SYSTEMS.put("classic-jdbc", ClassicJdbcSystem::new);
        SYSTEMS.put("postbox-pg", PostboxPgSystem::new);
        SYSTEMS.put("postbox-h2", PostboxH2System::new);
    }

    private SystemCatalog() {
    }

    public static List<String> defaultNames() {
        return List.copyOf(SYSTEMS.keySet());
    }

    public static BenchmarkSystem create(String nameOrClass) {
        Supplier<BenchmarkSystem> known = SYSTEMS.get(nameOrClass);
        return known != null ? known.get() : instantiate(nameOrClass);
    }

    private static BenchmarkSystem instantiate(String className) {
        try {
            return (BenchmarkSystem) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("unknown system '" + className + "': neither one of "
                    + SYSTEMS.keySet() + " nor a class on the class path", e);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException("cannot create system " + className + ": " + e, e);
        }
    }
}

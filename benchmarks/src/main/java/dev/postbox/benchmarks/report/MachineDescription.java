package dev.postbox.benchmarks.report;

import dev.postbox.benchmarks.system.PgServer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The machine and database the figures were measured on, as Markdown list items. */
public record MachineDescription(List<String> items) {

    private static final List<String> PG_SETTINGS =
            List.of("synchronous_commit", "fsync", "wal_sync_method", "shared_buffers", "max_connections");

    public static MachineDescription probe(PgServer pg, Path workDirectory) {
        List<String> items = new ArrayList<>();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        items.add("CPU: " + Runtime.getRuntime().availableProcessors() + " cores"
                + cpuModel().map(m -> " (" + m + ")").orElse(""));
        items.add(String.format(Locale.ROOT, "RAM: %.1f GiB; load average at start %.2f",
                os.getTotalMemorySize() / (1024.0 * 1024 * 1024), os.getSystemLoadAverage()));
        items.add("OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + fileStore(workDirectory));
        items.add("Java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        items.addAll(postgres(pg));
        return new MachineDescription(List.copyOf(items));
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        items.forEach(i -> out.append("- ").append(i).append('\n'));
        return out.toString();
    }

    private static List<String> postgres(PgServer pg) {
        try (Connection c = pg.connectAdmin(); Statement s = c.createStatement()) {
            List<String> items = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT version()")) {
                rs.next();
                items.add("PostgreSQL: " + rs.getString(1) + " at " + pg.host() + ":" + pg.port());
            }
            List<String> settings = new ArrayList<>();
            for (String name : PG_SETTINGS) {
                try (ResultSet rs = s.executeQuery("SHOW " + name)) {
                    rs.next();
                    settings.add(name + "=" + rs.getString(1));
                }
            }
            items.add("PostgreSQL settings: " + String.join(", ", settings));
            return items;
        } catch (SQLException e) {
            return List.of("PostgreSQL: not reachable (" + e.getMessage() + ")");
        }
    }

    private static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty(); // not Linux: the core count stands alone
        }
    }

    private static String fileStore(Path dir) {
        try {
            Path existing = dir;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing == null ? "" : "; work directory on " + Files.getFileStore(existing).type();
        } catch (IOException e) {
            return "";
        }
    }
}

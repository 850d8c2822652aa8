package dev.postbox.benchmarks.scenario;

import dev.postbox.benchmarks.system.PgServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of the PostgreSQL backends serving one database, read from {@code /proc/<pid>/stat} (the server
 * runs on this machine). Background processes (checkpointer, WAL writer, autovacuum) are shared by all
 * databases and not counted.
 */
final class PgBackendCpu {

    /** Linux reports utime/stime in clock ticks of 1/100 s on every architecture the JDK runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private static final String BACKENDS =
            "SELECT pid FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()";

    private final PgServer pg;
    private final String database;

    PgBackendCpu(PgServer pg, String database) {
        this.pg = pg;
        this.database = database;
    }

    /** CPU nanoseconds used so far by each backend of the database, by pid. */
    Map<Integer, Long> sample() throws SQLException, IOException {
        Map<Integer, Long> cpu = new HashMap<>();
        try (Connection c = pg.connectAdmin(); PreparedStatement s = c.prepareStatement(BACKENDS)) {
            s.setString(1, database);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int pid = rs.getInt(1);
                    cpu.put(pid, cpuNanos(pid));
                }
            }
        }
        return cpu;
    }

    /** CPU nanoseconds the backends alive at {@code after} used since {@code before}. */
    static long used(Map<Integer, Long> before, Map<Integer, Long> after) {
        long total = 0;
        for (Map.Entry<Integer, Long> e : after.entrySet()) {
            total += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return total;
    }

    private static long cpuNanos(int pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
        // fields after "(comm)": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
    }
}

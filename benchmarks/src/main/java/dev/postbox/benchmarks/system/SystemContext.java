package dev.postbox.benchmarks.system;

import java.nio.file.Path;

/**
 * What a system gets to start with.
 *
 * @param pg            the local PostgreSQL server (for database-backed systems)
 * @param workDirectory a directory of its own for journals and broker data (may not exist yet)
 * @param payloadBytes  the message body size the scenarios will send
 */
public record SystemContext(PgServer pg, Path workDirectory, int payloadBytes) {
}

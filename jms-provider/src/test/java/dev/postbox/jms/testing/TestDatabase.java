package dev.postbox.jms.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, empty database for one test class: an in-memory H2 database, or a new schema in the local
 * PostgreSQL test database ({@code POSTBOX_TEST_PG_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/postbox_test?user=postgres}).
 */
public final class TestDatabase implements AutoCloseable {

    /** Which database a test runs on. */
    public enum Kind { H2, POSTGRESQL }

    private static final String PG_BASE = System.getenv().getOrDefault("POSTBOX_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/postbox_test?user=postgres");

    private final Kind kind;
    private final String url;
    private final String schema;

    private TestDatabase(Kind kind, String url, String schema) {
        this.kind = kind;
        this.url = url;
        this.schema = schema;
    }

    /** Creates an empty database of the kind. */
    public static TestDatabase create(Kind kind) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        if (kind == Kind.H2) {
            return new TestDatabase(kind, "jdbc:h2:mem:pb" + id + ";DB_CLOSE_DELAY=-1", null);
        }
        String schema = "t_" + id;
        ensurePostgresDatabase();
        try (Connection c = DriverManager.getConnection(PG_BASE); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test schema in " + PG_BASE
                    + " (is PostgreSQL running and the database created? .ci/run does both)", e);
        }
        String separator = PG_BASE.contains("?") ? "&" : "?";
        return new TestDatabase(kind, PG_BASE + separator + "currentSchema=" + schema, schema);
    }

    /** Creates the test database when the server does not have it yet (a fresh machine). */
    private static synchronized void ensurePostgresDatabase() {
        try (Connection c = DriverManager.getConnection(PG_BASE)) {
            return;
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState())) {
                return;
            }
        }
        String database = PG_BASE.replaceAll("^jdbc:postgresql://[^/]+/([^?]+).*$", "$1");
        String maintenance = PG_BASE.replace("/" + database, "/postgres");
        try (Connection c = DriverManager.getConnection(maintenance); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + database + " via " + maintenance, e);
        }
    }

    /** The database kind. */
    public Kind kind() {
        return kind;
    }

    /** A JDBC URL (with credentials) of the empty database. */
    public String url() {
        return url;
    }

    /** Opens a plain JDBC connection, for assertions on tables. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** Drops the database. */
    @Override
    public void close() {
        try {
            if (kind == Kind.H2) {
                try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            } else {
                try (Connection c = DriverManager.getConnection(PG_BASE); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test database " + url, e);
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}

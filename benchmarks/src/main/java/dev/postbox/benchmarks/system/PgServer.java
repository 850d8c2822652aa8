package dev.postbox.benchmarks.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * The local PostgreSQL server all database-backed systems share, each in a database of its own.
 *
 * @param host      e.g. {@code 127.0.0.1}
 * @param port      e.g. 5432
 * @param user      a user allowed to create databases (trust authentication here)
 * @param password  empty for trust authentication
 * @param adminDatabase an existing database to connect to for CREATE/DROP DATABASE
 */
public record PgServer(String host, int port, String user, String password, String adminDatabase) {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    /** JDBC URL of one database, with user and password as URL parameters. */
    public String jdbcUrl(String database) {
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + database + "?user=" + user;
        return password.isEmpty() ? url : url + "&password=" + password;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database));
    }

    public Connection connectAdmin() throws SQLException {
        return connect(adminDatabase);
    }

    /** Drops the database (ending its sessions) if it exists, and creates it empty. */
    public void recreateDatabase(String database) throws SQLException {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = connectAdmin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        }
    }
}

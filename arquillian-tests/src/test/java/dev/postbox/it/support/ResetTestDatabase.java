package dev.postbox.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Drops and creates the PostgreSQL database of the container tests, so every run starts empty.
 * Arguments: a JDBC URL of the maintenance database, and the test database name.
 */
public final class ResetTestDatabase {

    private ResetTestDatabase() {
    }

    /** Entry point (run by the build before the container tests). */
    public static void main(String[] args) throws SQLException {
        String url = args[0];
        String database = args[1];
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Unexpected test database name: " + database);
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        }
        System.out.println("PostgreSQL test database " + database + " is empty");
    }
}

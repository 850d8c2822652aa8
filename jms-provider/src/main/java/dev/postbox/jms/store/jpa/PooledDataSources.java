package dev.postbox.jms.store.jpa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;

/** Creates the connection pool the store uses in Java SE (in a server, the server's pool is used). */
public final class PooledDataSources {

    private PooledDataSources() {
    }

    /**
     * A pool of connections to a JDBC URL.
     *
     * @param jdbcUrl the database URL (may carry credentials)
     * @param user database user, or null to use the URL's
     * @param password database password, or null
     * @param maxSize most connections
     * @param connectTimeout how long a caller waits for a connection before failing
     */
    public static HikariDataSource create(String jdbcUrl, String user, String password, int maxSize,
            Duration connectTimeout) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName("postbox-store");
        config.setMaximumPoolSize(maxSize);
        config.setMinimumIdle(Math.min(2, maxSize));
        config.setConnectionTimeout(Math.max(250, connectTimeout.toMillis()));
        config.setValidationTimeout(Math.max(250, Math.min(5000, connectTimeout.toMillis())));
        config.setAutoCommit(false);
        config.setInitializationFailTimeout(-1);
        if (jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.contains("reWriteBatchedInserts")) {
            // A transaction's sends become one multi-row INSERT instead of one execution per message.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return new HikariDataSource(config);
    }
}

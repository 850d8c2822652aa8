package dev.postbox.jms.store.jpa;

import dev.postbox.jms.store.SessionConnection;
import dev.postbox.jms.store.StoreTransaction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Set;
import javax.sql.DataSource;

/** {@link SessionConnection} on a pooled connection of the store's own data source (auto-commit off). */
final class JdbcSessionConnection implements SessionConnection {

    private static final Set<String> RESERVED = Set.of("commit", "rollback", "setAutoCommit", "close", "abort",
            "setSavepoint", "releaseSavepoint");

    private final Connection connection;
    private final StoreDialect dialect;
    private final Clock clock;
    private final Connection application;

    private JdbcSessionConnection(Connection connection, StoreDialect dialect, Clock clock) {
        this.connection = connection;
        this.dialect = dialect;
        this.clock = clock;
        this.application = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (RESERVED.contains(method.getName())) {
                        throw new SQLException(method.getName() + "() is done by the Postbox session: call"
                                + " Session.commit() or rollback(); the session closes the connection");
                    }
                    if (method.getName().equals("toString") && method.getParameterCount() == 0) {
                        return "PostboxSessionConnection[" + connection + "]";
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    static JdbcSessionConnection open(DataSource dataSource, StoreDialect dialect, Clock clock) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            return new JdbcSessionConnection(connection, dialect, clock);
        } catch (SQLException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw StoreExceptions.translate("Open a connection for a transacted session", e);
        }
    }

    @Override
    public Connection application() {
        return application;
    }

    @Override
    public StoreTransaction work() {
        return new ExternalJdbcTransaction(connection, dialect, clock, false);
    }

    @Override
    public void commit() {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw StoreExceptions.translate("Commit the transacted session", e);
        }
    }

    @Override
    public void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw StoreExceptions.translate("Roll back the transacted session", e);
        }
    }

    @Override
    public void close() {
        try {
            try {
                connection.rollback();
            } finally {
                connection.close();
            }
        } catch (SQLException e) {
            throw StoreExceptions.translate("Release the transacted session's connection", e);
        }
    }
}

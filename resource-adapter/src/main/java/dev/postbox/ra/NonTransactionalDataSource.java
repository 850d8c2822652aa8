package dev.postbox.ra;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A view of a server JDBC resource whose connections are never enlisted in the caller's JTA transaction:
 * the store's own short transactions (claims, heartbeats, acknowledgements outside a transaction) must
 * commit by themselves even when an EJB calls Postbox inside a container transaction. Uses Payara's
 * {@code com.sun.appserv.jdbc.DataSource#getNonTxConnection()} (same pool, not enlisted).
 */
final class NonTransactionalDataSource implements DataSource {

    private final DataSource server;
    private final Method nonTxConnection;

    private NonTransactionalDataSource(DataSource server, Method nonTxConnection) {
        this.server = server;
        this.nonTxConnection = nonTxConnection;
    }

    /**
     * The non-transactional view of a server data source.
     *
     * @throws IllegalArgumentException when the server offers no non-transactional connections
     */
    static NonTransactionalDataSource of(DataSource server) {
        try {
            Method method = server.getClass().getMethod("getNonTxConnection");
            return new NonTransactionalDataSource(server, method);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("The data source " + server.getClass().getName()
                    + " offers no non-transactional connections (getNonTxConnection); Postbox needs Payara's"
                    + " JDBC resources", e);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            return (Connection) nonTxConnection.invoke(server);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("Cannot get a non-transactional connection: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new SQLException("Cannot get a non-transactional connection: " + e, e);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("Postbox uses the JDBC resource's configured credentials");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return server.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        server.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        server.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return server.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return server.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return server.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return server.isWrapperFor(type);
    }
}

package dev.postbox.ra.testing;

import dev.postbox.ra.testing.FakeTransactionSynchronizationRegistry.FakeTransaction;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A server JDBC resource as a resource adapter sees it. Outside a fake transaction it hands out plain
 * pooled connections. Inside one (on the calling thread) every {@code getConnection()} returns a handle
 * on the <em>same</em> physical connection, enlisted in the transaction: it commits or rolls back when
 * the transaction completes, closing a handle does not end it, and {@code commit}/{@code rollback}/
 * {@code setAutoCommit(true)} on a handle are refused as a managed connection refuses them.
 */
public final class FakeTransactionalDataSource implements DataSource {

    private static final Object KEY = new Object();

    private final DataSource pool;
    private final FakeTransactionSynchronizationRegistry registry;
    private final AtomicInteger enlisted = new AtomicInteger();
    private final AtomicInteger refusedLocalCompletions = new AtomicInteger();

    /** Connections come from {@code pool}; transactions from {@code registry}. */
    public FakeTransactionalDataSource(DataSource pool, FakeTransactionSynchronizationRegistry registry) {
        this.pool = pool;
        this.registry = registry;
    }

    @Override
    public Connection getConnection() throws SQLException {
        FakeTransaction tx = registry.current();
        if (tx == null) {
            return pool.getConnection();
        }
        Connection physical = (Connection) tx.local(KEY);
        if (physical == null) {
            Connection fresh = pool.getConnection();
            fresh.setAutoCommit(false);
            tx.putLocal(KEY, fresh);
            tx.enlist(new EnlistedConnection(fresh));
            enlisted.incrementAndGet();
            physical = fresh;
        }
        return handle(physical);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    /** Physical connections enlisted in fake transactions so far. */
    public int enlistedCount() {
        return enlisted.get();
    }

    /** Times someone tried to commit, roll back or auto-commit an enlisted connection (always a bug). */
    public int refusedLocalCompletions() {
        return refusedLocalCompletions.get();
    }

    private Connection handle(Connection physical) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Handle(physical));
    }

    /** One application handle on the transaction's connection. */
    private final class Handle implements InvocationHandler {
        private final Connection physical;
        private boolean closed;

        Handle(Connection physical) {
            this.physical = physical;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            int arity = method.getParameterCount();
            switch (name) {
                case "close":
                    closed = true;
                    return null;
                case "isClosed":
                    return closed;
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "enlisted handle on " + physical;
                default:
                    break;
            }
            if (closed) {
                throw new SQLException("the connection handle is closed");
            }
            if ((name.equals("commit") || name.equals("rollback")) && arity == 0
                    || name.equals("setAutoCommit") && Boolean.TRUE.equals(args[0])) {
                refusedLocalCompletions.incrementAndGet();
                throw new SQLException("You cannot " + name + " a connection enlisted in a managed transaction");
            }
            try {
                return method.invoke(physical, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    /** The physical connection as a resource of the transaction. */
    private static final class EnlistedConnection implements FakeTransactionSynchronizationRegistry.Resource {
        private final Connection physical;

        EnlistedConnection(Connection physical) {
            this.physical = physical;
        }

        @Override
        public void commit() throws SQLException {
            try {
                physical.commit();
            } finally {
                closeQuietly();
            }
        }

        @Override
        public void rollback() {
            try {
                physical.rollback();
            } catch (SQLException e) {
                throw new IllegalStateException("rollback of the enlisted connection failed", e);
            } finally {
                closeQuietly();
            }
        }

        private void closeQuietly() {
            try {
                physical.setAutoCommit(true);
                physical.close();
            } catch (SQLException e) {
                // Already closed by a failed commit: the pool discards it; nothing else to release.
            }
        }
    }

    // ----- DataSource plumbing -----

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}

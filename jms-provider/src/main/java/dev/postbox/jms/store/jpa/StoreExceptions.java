package dev.postbox.jms.store.jpa;

import dev.postbox.jms.store.StoreConflictException;
import dev.postbox.jms.store.StoreException;
import dev.postbox.jms.store.StoreUnavailableException;
import java.sql.SQLException;

/** Translates persistence and JDBC failures into the store's exception types. */
final class StoreExceptions {

    private StoreExceptions() {
    }

    static StoreException translate(String operation, Throwable failure) {
        if (failure instanceof StoreException se) {
            return se;
        }
        SQLException sql = findSqlException(failure);
        String detail = operation + " failed: " + rootMessage(failure);
        if (sql != null && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")
                    || state.startsWith("HY") && isConnectionProblem(failure)) {
                return new StoreUnavailableException(detail, failure);
            }
            if (state.equals("23505")) {
                return new StoreConflictException(detail, failure);
            }
        } else if (isConnectionProblem(failure)) {
            return new StoreUnavailableException(detail, failure);
        }
        return new StoreException(detail, failure);
    }

    private static boolean isConnectionProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.io.EOFException || t instanceof java.net.SocketException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static SQLException findSqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip());
    }
}

package dev.postbox.jms.client;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.testing.Brokers;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A fresh database, a factory on it and the contexts a test opened, closed together after the test. */
final class ContextFixture implements AutoCloseable {

    private final TestDatabase database;
    private final PostboxConnectionFactory factory;
    private final List<JMSContext> contexts = new ArrayList<>();

    ContextFixture(TestDatabase.Kind kind) {
        this.database = TestDatabase.create(kind);
        this.factory = Brokers.factory(database);
    }

    PostboxConnectionFactory factory() {
        return factory;
    }

    TestDatabase database() {
        return database;
    }

    /** A context with its own connection, closed after the test. */
    JMSContext open(int sessionMode) {
        return track(factory.createContext(sessionMode));
    }

    /** Closes the context after the test (closing twice is allowed). */
    JMSContext track(JMSContext context) {
        contexts.add(context);
        return context;
    }

    /** Messages stored in the database (delivered-but-unacknowledged ones included). */
    int storedMessages() throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pb_message")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Override
    public void close() {
        for (JMSContext context : contexts) {
            try {
                context.close();
            } catch (JMSRuntimeException e) {
                // Teardown: a test may leave a context in a state whose close fails; the database goes anyway.
            }
        }
        database.close();
    }
}

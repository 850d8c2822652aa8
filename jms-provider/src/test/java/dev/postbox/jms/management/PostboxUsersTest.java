package dev.postbox.jms.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The command line user tool, on a real H2 store. */
class PostboxUsersTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private TestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.create(TestDatabase.Kind.H2);
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    private int run(String... args) throws Exception {
        out.reset();
        err.reset();
        return PostboxUsers.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), user -> "password of " + user);
    }

    @Test
    void setListAndDeleteUsers() throws Exception {
        assertEquals(0, run(database.url(), "set", "alice"));
        assertEquals(0, run(database.url(), "set", "bob"));
        assertEquals(0, run(database.url(), "list"));
        assertEquals("alice\nbob\n", out.toString(StandardCharsets.UTF_8).replace("\r", ""));
        assertEquals(0, run(database.url(), "delete", "alice"));
        assertEquals(1, run(database.url(), "delete", "alice"));
        assertEquals("No user alice", err.toString(StandardCharsets.UTF_8).trim());
        assertEquals(0, run(database.url(), "list"));
        assertEquals("bob", out.toString(StandardCharsets.UTF_8).trim());
    }

    @Test
    void usageErrorsExitWithTwoAndSayHowToCallIt() throws Exception {
        assertEquals(2, run(database.url()));
        assertEquals(2, run(database.url(), "set"));
        assertEquals(2, run(database.url(), "rename", "a", "b"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Usage: PostboxUsers"));
    }
}

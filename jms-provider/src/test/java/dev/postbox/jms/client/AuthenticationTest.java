package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.management.ManagementException;
import dev.postbox.jms.management.UserManagement;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Authentication of connections (spec 6.1.3: createConnection with a user name and password; a refused
 * identity is a JMSSecurityException, JMSSecurityRuntimeException for JMSContext).
 */
@Timeout(120)
class AuthenticationTest extends ClientTestBase {

    private PostboxConnectionFactory securedFactory(TestDatabase.Kind kind) {
        PostboxConnectionFactory factory = factory(kind);
        factory.setRequireAuthentication(true);
        factory.userManagement().putUser("alice", "correct horse");
        return factory;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aStoredUserWithTheRightPasswordConnectsAndMessagesFlow(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = securedFactory(kind);
        Connection connection = factory.createConnection("alice", "correct horse");
        try (connection) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue("secured")).send(session.createTextMessage("hi"));
            connection.start();
            TextMessage received = (TextMessage) session.createConsumer(session.createQueue("secured"))
                    .receive(ARRIVES_MILLIS);
            assertEquals("hi", received.getText());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aWrongPasswordAnUnknownUserAndNoUserAreRefusedWithJmsSecurityException(TestDatabase.Kind kind) {
        PostboxConnectionFactory factory = securedFactory(kind);
        JMSSecurityException wrong = assertThrows(JMSSecurityException.class,
                () -> factory.createConnection("alice", "wrong password"));
        JMSSecurityException unknown = assertThrows(JMSSecurityException.class,
                () -> factory.createConnection("mallory", "correct horse"));
        assertEquals("Authentication failed for user alice", wrong.getMessage());
        assertEquals("Authentication failed for user mallory", unknown.getMessage());
        assertThrows(JMSSecurityException.class, () -> factory.createConnection("alice", null));
        JMSSecurityException anonymous = assertThrows(JMSSecurityException.class, factory::createConnection);
        assertTrue(anonymous.getMessage().startsWith("Authentication required"), anonymous.getMessage());
        assertThrows(JMSSecurityException.class, factory::createQueueConnection);
        assertThrows(JMSSecurityException.class, factory::createTopicConnection);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRefusedContextThrowsJmsSecurityRuntimeException(TestDatabase.Kind kind) {
        PostboxConnectionFactory factory = securedFactory(kind);
        assertThrows(JMSSecurityRuntimeException.class, () -> factory.createContext("alice", "nope"));
        assertThrows(JMSSecurityRuntimeException.class,
                () -> factory.createContext("alice", "nope", JMSContext.CLIENT_ACKNOWLEDGE));
        try (JMSContext context = factory.createContext("alice", "correct horse")) {
            context.createProducer().send(context.createQueue("ctx"), "ok");
            assertEquals("ok", context.createConsumer(context.createQueue("ctx")).receiveBody(String.class,
                    ARRIVES_MILLIS));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aChangedPasswordReplacesTheOldOneAndADeletedUserCannotConnect(TestDatabase.Kind kind)
            throws Exception {
        PostboxConnectionFactory factory = securedFactory(kind);
        UserManagement users = factory.userManagement();
        users.putUser("bob", "first password");
        users.putUser("bob", "second password");
        assertThrows(JMSSecurityException.class, () -> factory.createConnection("bob", "first password"));
        factory.createConnection("bob", "second password").close();
        assertEquals(List.of("alice", "bob"), users.listUsers());

        users.putUser("carol", "carol's password");
        assertTrue(users.deleteUser("carol"));
        assertFalse(users.deleteUser("carol"));
        assertThrows(JMSSecurityException.class, () -> factory.createConnection("carol", "carol's password"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void passwordsAreStoredAsSaltedHashesOnly(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = securedFactory(kind);
        factory.userManagement().putUser("dave", "correct horse");
        try (var c = DriverManager.getConnection(database.url());
                ResultSet rows = c.createStatement().executeQuery(
                        "SELECT name, password_hash FROM pb_user ORDER BY name")) {
            assertTrue(rows.next());
            String alice = rows.getString(2);
            assertTrue(rows.next());
            String dave = rows.getString(2);
            assertFalse(alice.contains("correct horse"), alice);
            assertTrue(alice.startsWith("pbkdf2-sha256$"), alice);
            assertFalse(alice.equals(dave), "the same password hashes differently for two users (salt)");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void badUserDefinitionsAreRefusedWithAReason(TestDatabase.Kind kind) {
        UserManagement users = securedFactory(kind).userManagement();
        ManagementException shortPassword = assertThrows(ManagementException.InvalidRequest.class,
                () -> users.putUser("eve", "short"));
        assertEquals("A password must have at least 8 characters", shortPassword.getMessage());
        assertThrows(ManagementException.InvalidRequest.class, () -> users.putUser(" ", "long enough"));
        assertThrows(ManagementException.InvalidRequest.class, () -> users.putUser("eve", null));
        assertThrows(ManagementException.InvalidRequest.class, () -> users.deleteUser(""));
        assertEquals(List.of("alice"), users.listUsers());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void withoutRequiredAuthenticationCredentialsAreNotChecked(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        factory.createConnection().close();
        factory.createConnection("anyone", "anything").close();
    }
}

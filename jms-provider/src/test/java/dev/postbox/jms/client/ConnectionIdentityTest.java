package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.Session;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Client identifiers (Connection.setClientID, section 6.1.2) and connection metadata (section 6.1.6). */
@Timeout(120)
class ConnectionIdentityTest extends ClientTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theClientIdCanBeSetOnceRightAfterTheConnectionIsCreated(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        assertNull(connection.getClientID());
        connection.setClientID("orders-app");
        assertEquals("orders-app", connection.getClientID());
        assertThrows(IllegalStateException.class, () -> connection.setClientID("other"));
        assertEquals("orders-app", connection.getClientID());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theClientIdCannotBeSetAfterAnyOtherAction(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        Connection afterSession = connect(factory);
        afterSession.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThrows(IllegalStateException.class, () -> afterSession.setClientID("late"));

        Connection afterStart = connect(factory);
        afterStart.start();
        assertThrows(IllegalStateException.class, () -> afterStart.setClientID("late"));

        Connection afterListener = connect(factory);
        afterListener.setExceptionListener(e -> { });
        assertThrows(IllegalStateException.class, () -> afterListener.setClientID("late"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aClientIdInUseByAnotherConnectionIsRefusedUntilThatConnectionCloses(TestDatabase.Kind kind)
            throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        Connection first = connect(factory);
        first.setClientID("unique");
        Connection second = connect(factory);
        assertThrows(InvalidClientIDException.class, () -> second.setClientID("unique"));
        second.setClientID("another");
        assertEquals("another", second.getClientID());

        first.close();
        Connection third = connect(factory);
        third.setClientID("unique");
        assertEquals("unique", third.getClientID());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anAdministrativelyConfiguredClientIdCannotBeChanged(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        factory.setClientID("configured");
        Connection connection = connect(factory);
        assertEquals("configured", connection.getClientID());
        assertThrows(IllegalStateException.class, () -> connection.setClientID("mine"));
        assertThrows(InvalidClientIDException.class, () -> connect(factory),
                "a second running connection with the same client id is a duplicate");
        connection.close();
        assertEquals("configured", connect(factory).getClientID());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anEmptyClientIdIsInvalid(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        assertThrows(InvalidClientIDException.class, () -> connection.setClientID(null));
        assertThrows(InvalidClientIDException.class, () -> connection.setClientID(""));
        connection.setClientID("valid");
        assertEquals("valid", connection.getClientID());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void metadataDescribesJakartaMessaging31AndTheProvider(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        ConnectionMetaData metadata = connection.getMetaData();
        assertEquals("3.1", metadata.getJMSVersion());
        assertEquals(3, metadata.getJMSMajorVersion());
        assertEquals(1, metadata.getJMSMinorVersion());
        assertEquals("Postbox", metadata.getJMSProviderName());
        assertTrue(metadata.getProviderVersion().startsWith(metadata.getProviderMajorVersion() + "."));
        List<?> names = Collections.list(metadata.getJMSXPropertyNames());
        assertTrue(names.containsAll(List.of("JMSXDeliveryCount", "JMSXGroupID", "JMSXGroupSeq")), names::toString);
    }
}

package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Queues and temporary queues (sections 6.2.6-6.2.7), request/reply and QueueRequestor (section 8.9). */
@Timeout(120)
class DestinationTest extends ClientTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void createQueueCreatesAMissingQueueWhenAutoCreationIsOn(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("orders.eu-west_1:v2$");
        assertEquals("orders.eu-west_1:v2$", queue.getQueueName());
        assertEquals(1, queryLong("SELECT COUNT(*) FROM pb_destination WHERE name = ?", "orders.eu-west_1:v2$"));
        assertEquals(queue, session.createQueue("orders.eu-west_1:v2$"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void withoutAutoCreationOnlyExistingQueuesCanBeUsed(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory creating = factory(kind);
        Connection first = connect(creating);
        first.createSession(false, Session.AUTO_ACKNOWLEDGE).createQueue("existing");
        first.close();
        PostboxConnectionFactory strict = dev.postbox.jms.testing.Brokers.factory(database);
        strict.setAutoCreateDestinations(false);
        Connection connection = connect(strict);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThrows(InvalidDestinationException.class, () -> session.createQueue("missing"));
        Queue existing = session.createQueue("existing");
        send(session, existing, "works");
        connection.start();
        assertEquals("works", text(session.createConsumer(existing).receive(ARRIVES_MILLIS)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anInvalidQueueNameIsRefused(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThrows(InvalidDestinationException.class, () -> session.createQueue(null));
        assertThrows(InvalidDestinationException.class, () -> session.createQueue(""));
        assertThrows(InvalidDestinationException.class, () -> session.createQueue("with space"));
        assertThrows(InvalidDestinationException.class, () -> session.createQueue(".starts-with-dot"));
        assertThrows(InvalidDestinationException.class, () -> session.createQueue("x".repeat(201)));
        assertThrows(InvalidDestinationException.class, () -> session.createConsumer(null));
        assertThrows(InvalidDestinationException.class, () -> session.createBrowser(null));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aTemporaryQueueVanishesWhenItsConnectionCloses(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        Connection owner = connect(factory);
        Session session = owner.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue temporary = session.createTemporaryQueue();
        assertNotNull(temporary.getQueueName());
        send(session, temporary, "left behind");
        assertEquals(1, queryLong("SELECT COUNT(*) FROM pb_destination WHERE name = ?", temporary.getQueueName()));
        owner.close();

        assertEquals(0, queryLong("SELECT COUNT(*) FROM pb_destination WHERE name = ?", temporary.getQueueName()));
        assertEquals(0, storedOn(temporary.getQueueName()));
        Session other = connect(factory).createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThrows(InvalidDestinationException.class, () -> other.createProducer(temporary));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void onlyTheCreatingConnectionMayConsumeFromATemporaryQueue(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        Connection owner = connect(factory);
        owner.start();
        TemporaryQueue temporary = owner.createSession(false, Session.AUTO_ACKNOWLEDGE).createTemporaryQueue();
        Session foreign = connect(factory).createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThrows(InvalidDestinationException.class, () -> foreign.createConsumer(temporary));
        send(foreign, temporary, "any connection may send");

        Session ownersOtherSession = owner.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertEquals("any connection may send",
                text(ownersOtherSession.createConsumer(temporary).receive(ARRIVES_MILLIS)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aTemporaryQueueWithAConsumerCannotBeDeleted(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue temporary = session.createTemporaryQueue();
        MessageConsumer consumer = session.createConsumer(temporary);
        assertThrows(JMSException.class, temporary::delete);
        consumer.close();
        temporary.delete();
        assertEquals(0, queryLong("SELECT COUNT(*) FROM pb_destination WHERE name = ?", temporary.getQueueName()));
        assertThrows(InvalidDestinationException.class, () -> session.createConsumer(temporary));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void requestAndReplyThroughJmsReplyToAndJmsCorrelationId(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        Connection server = connect(factory);
        Session serverSession = server.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue service = serverSession.createQueue("service");
        MessageProducer replies = serverSession.createProducer(null);
        serverSession.createConsumer(service).setMessageListener(request -> {
            try {
                TextMessage reply = serverSession.createTextMessage("re: " + textOf(request));
                reply.setJMSCorrelationID(request.getJMSMessageID());
                replies.send(request.getJMSReplyTo(), reply);
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        server.start();

        Connection client = connect(factory);
        client.start();
        Session clientSession = client.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue replyTo = clientSession.createTemporaryQueue();
        TextMessage request = clientSession.createTextMessage("ping");
        request.setJMSReplyTo(replyTo);
        clientSession.createProducer(service).send(request);
        Message reply = clientSession.createConsumer(replyTo).receive(ARRIVES_MILLIS);
        assertEquals("re: ping", text(reply));
        assertEquals(request.getJMSMessageID(), reply.getJMSCorrelationID());
        assertEquals(replyTo, reply.getJMSDestination());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void queueRequestorSendsARequestAndWaitsForTheReply(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        Connection server = connect(factory);
        Session serverSession = server.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue service = serverSession.createQueue("requestor-service");
        serverSession.createConsumer(service).setMessageListener(request -> {
            try (MessageProducer producer = serverSession.createProducer(request.getJMSReplyTo())) {
                producer.send(serverSession.createTextMessage(textOf(request).toUpperCase(java.util.Locale.ROOT)));
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        server.start();

        QueueConnection client = (QueueConnection) connect(factory);
        client.start();
        QueueSession session = client.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
        QueueRequestor requestor = new QueueRequestor(session, service);
        assertEquals("HELLO", text(requestor.request(session.createTextMessage("hello"))));
        assertEquals("AGAIN", text(requestor.request(session.createTextMessage("again"))));
        requestor.close();
        assertEquals(0, queryLong("SELECT COUNT(*) FROM pb_destination WHERE temporary = TRUE"),
                "closing the requestor deleted its temporary queue");
    }
}

package dev.postbox.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.postbox.jms.PostboxConnectionFactory;
import dev.postbox.jms.testing.Brokers;
import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicRequestor;
import jakarta.jms.TopicSession;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Temporary topics (sections 4.2.7 and 6.2.2; TemporaryTopic.delete) and request/reply over them with
 * TopicRequestor (section 4.2.10).
 */
@Timeout(120)
class TemporaryTopicTest extends TopicTestBase {

    private static final String TEMPORARY_TOPICS =
            "SELECT COUNT(*) FROM pb_destination WHERE kind = 'TOPIC' AND temporary = TRUE";

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void everyTemporaryTopicIsANewTopic(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryTopic first = session.createTemporaryTopic();
        TemporaryTopic second = connection.createSession(false, Session.AUTO_ACKNOWLEDGE).createTemporaryTopic();
        assertNotNull(first.getTopicName());
        assertNotEquals(first, second);
        assertNotEquals(first.getTopicName(), second.getTopicName());
        assertEquals(2, queryLong(TEMPORARY_TOPICS));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void onlyTheCreatingConnectionMayConsumeFromATemporaryTopic(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        Connection owner = connect(factory);
        owner.start();
        TemporaryTopic temporary = owner.createSession(false, Session.AUTO_ACKNOWLEDGE).createTemporaryTopic();
        Session foreign = connect(factory).createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThrows(InvalidDestinationException.class, () -> foreign.createConsumer(temporary));
        assertThrows(InvalidDestinationException.class, () -> foreign.createConsumer(temporary, null, true));
        assertThrows(InvalidDestinationException.class, () -> foreign.createSharedConsumer(temporary, "s"));

        Session ownersOtherSession = owner.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer first = ownersOtherSession.createConsumer(temporary);
        MessageConsumer second = owner.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(temporary);
        publish(foreign, temporary, "any connection may publish");
        assertEquals(List.of("any connection may publish"), drain(first));
        assertEquals(List.of("any connection may publish"), drain(second));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aTemporaryTopicIsDeletedWithItsConnection(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        Connection owner = connect(factory);
        Session session = owner.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryTopic temporary = session.createTemporaryTopic();
        session.createConsumer(temporary);
        publish(session, temporary, "left behind");
        assertEquals(1, copiesOn(temporary.getTopicName()));
        owner.close();

        assertEquals(0, queryLong(TEMPORARY_TOPICS));
        assertEquals(0, subscriptions());
        assertEquals(0, queryLong("SELECT COUNT(*) FROM pb_message"));
        Session other = connect(factory).createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThrows(InvalidDestinationException.class, () -> other.createProducer(temporary));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aTemporaryTopicWithASubscriberCannotBeDeleted(TestDatabase.Kind kind) throws Exception {
        Connection connection = connect(kind);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryTopic temporary = session.createTemporaryTopic();
        MessageConsumer subscriber = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)
                .createConsumer(temporary);
        assertThrows(JMSException.class, temporary::delete);
        assertEquals(1, queryLong(TEMPORARY_TOPICS));
        subscriber.close();
        temporary.delete();
        assertEquals(0, queryLong(TEMPORARY_TOPICS));
        assertThrows(InvalidDestinationException.class, () -> session.createConsumer(temporary));
        assertThrows(InvalidDestinationException.class, () -> session.createProducer(temporary));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void topicRequestorPublishesARequestAndWaitsForTheReply(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        startUpperCaseService(connect(factory), "requests");

        TopicConnection client = (TopicConnection) connect(factory);
        client.start();
        TopicSession session = client.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
        TopicRequestor requestor = new TopicRequestor(session, session.createTopic("requests"));
        assertEquals("HELLO", text(requestor.request(session.createTextMessage("hello"))));
        assertEquals("AGAIN", text(requestor.request(session.createTextMessage("again"))));
        requestor.close();
        assertEquals(0, queryLong(TEMPORARY_TOPICS), "closing the requestor deleted its temporary topic");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aReplyPublishedOnAnotherNodeReachesTheTemporaryTopic(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory clientFactory = factory(kind);
        PostboxConnectionFactory serverFactory = Brokers.factory(database);
        serverFactory.setPollIntervalMillis(249); // other settings: a second broker node on the same store
        startUpperCaseService(connect(serverFactory), "remote-requests");

        TopicConnection client = (TopicConnection) connect(clientFactory);
        client.start();
        TopicSession session = client.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
        TopicRequestor requestor = new TopicRequestor(session, session.createTopic("remote-requests"));
        assertEquals("FROM AFAR", text(requestor.request(session.createTextMessage("from afar"))));
        assertEquals(2, queryLong("SELECT COUNT(*) FROM pb_node"), "the reply came from another node");
        requestor.close();
    }

    /** A service on its own connection that replies to each request with its text in upper case. */
    private static void startUpperCaseService(Connection server, String topicName) throws JMSException {
        Session serverSession = server.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic service = serverSession.createTopic(topicName);
        MessageProducer replies = serverSession.createProducer(null);
        serverSession.createConsumer(service).setMessageListener(request -> {
            try {
                TextMessage reply = serverSession.createTextMessage(textOf(request).toUpperCase(Locale.ROOT));
                reply.setJMSCorrelationID(request.getJMSMessageID());
                replies.send(request.getJMSReplyTo(), reply);
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        server.start();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aReplyCarriesTheTemporaryTopicAsItsDestination(TestDatabase.Kind kind) throws Exception {
        PostboxConnectionFactory factory = factory(kind);
        startUpperCaseService(connect(factory), "echo");
        Connection client = connect(factory);
        client.start();
        Session session = client.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryTopic replyTo = session.createTemporaryTopic();
        MessageConsumer replies = session.createConsumer(replyTo);
        TextMessage request = session.createTextMessage("ping");
        request.setJMSReplyTo(replyTo);
        session.createProducer(session.createTopic("echo")).send(request);
        Message reply = replies.receive(ARRIVES_MILLIS);
        assertEquals("PING", text(reply));
        assertEquals(request.getJMSMessageID(), reply.getJMSCorrelationID());
        assertEquals(replyTo, reply.getJMSDestination());
    }
}

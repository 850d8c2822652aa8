package dev.postbox.jms.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.testing.TestDatabase;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Dead letters shown with their reason and returned to their origin queue, on a real store. */
@Timeout(120)
class DeadLetterRetryTest {

    private static final DeliveryPolicy ONE_ATTEMPT = new DeliveryPolicy(1, null, null, null, null, null);

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void showsWhyAMessageWasDeadLetteredAndRetryAllBringsEveryOneBackWithAFreshDeliveryCount(TestDatabase.Kind kind)
            throws Exception {
        try (ManagementFixture f = new ManagementFixture(kind)) {
            f.management.createQueue("work", ONE_ATTEMPT);
            f.sendText("work", "w1", "w2", "w3");
            f.rollBack("work", 3);

            List<MessageInfo> dead = f.management.browse("work.DLQ", null, 10).messages();
            assertEquals(3, dead.size());
            DeadLetterDetails details = dead.get(0).deadLetter();
            assertEquals("work", details.origin());
            assertEquals(1, details.attempts());
            assertTrue(details.reason().contains("after 1 delivery attempts"), details.reason());
            assertNotNull(details.deadLetteredAt());
            assertTrue(f.queue("work.DLQ").isDeadLetterQueue());

            RetryResult result = f.management.retryAllDeadLetters("work.DLQ");

            assertEquals(new RetryResult(3, 0, List.of()), result);
            assertEquals(0, f.queue("work.DLQ").total());
            assertEquals(3, f.queue("work").available());
            Session session = f.connect().createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("work"));
            Message back = consumer.receive(10_000);
            assertEquals("w1", ((TextMessage) back).getText());
            assertEquals(1, back.getIntProperty("JMSXDeliveryCount"));
            assertFalse(back.getJMSRedelivered());
            assertNull(back.getStringProperty("JMS_Postbox_DeadLetterReason"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void retryOfASelectionWakesTheWaitingConsumerAndExplainsWhatItSkipped(TestDatabase.Kind kind) throws Exception {
        try (ManagementFixture f = new ManagementFixture(kind)) {
            f.management.createQueue("jobs", ONE_ATTEMPT);
            f.sendText("jobs", "j1", "j2");
            f.rollBack("jobs", 2);
            List<Long> ids = f.management.browse("jobs.DLQ", null, 10).messages().stream().map(MessageInfo::id)
                    .toList();
            Session session = f.connect().createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer waiting = session.createConsumer(session.createQueue("jobs"));
            assertNull(waiting.receiveNoWait());

            RetryResult result = f.management.retryDeadLetters("jobs.DLQ", List.of(ids.get(1), 999_999_999L));

            assertEquals(1, result.retried());
            assertEquals(1, result.skipped());
            assertEquals(List.of("Message 999999999 is not on jobs.DLQ."), result.notes());
            assertEquals("j2", ((TextMessage) waiting.receive(10_000)).getText());
            assertEquals(List.of(ids.get(0)),
                    f.management.browse("jobs.DLQ", null, 10).messages().stream().map(MessageInfo::id).toList());
            assertThrows(ManagementException.InvalidRequest.class,
                    () -> f.management.retryDeadLetters("jobs.DLQ", List.of()));
            assertThrows(ManagementException.NotFound.class,
                    () -> f.management.retryDeadLetters("nope.DLQ", List.of(1L)));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void messagesWhoseOriginIsGoneOrThatWereNeverDeadLetteredStay(TestDatabase.Kind kind) throws Exception {
        try (ManagementFixture f = new ManagementFixture(kind)) {
            f.management.createQueue("gone", ONE_ATTEMPT);
            f.sendText("gone", "g1");
            f.rollBack("gone", 1);
            f.management.deleteQueue("gone", false);
            f.sendText("gone.DLQ", "put here by hand");
            Set<Long> ids = f.management.browse("gone.DLQ", null, 10).messages().stream().map(MessageInfo::id)
                    .collect(Collectors.toSet());

            RetryResult selected = f.management.retryDeadLetters("gone.DLQ", ids);
            RetryResult all = f.management.retryAllDeadLetters("gone.DLQ");

            assertEquals(0, selected.retried());
            assertEquals(2, selected.skipped());
            assertTrue(selected.notes().stream().anyMatch(n -> n.contains("was not dead-lettered")), selected.notes()
                    .toString());
            assertTrue(selected.notes().stream().anyMatch(n -> n.contains("gone no longer exists")),
                    selected.notes().toString());
            assertEquals(0, all.retried());
            assertEquals(2, all.skipped());
            assertEquals(2, f.queue("gone.DLQ").total());
        }
    }
}

package dev.postbox.jms.store.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.jms.store.ClaimRequest;
import dev.postbox.jms.store.DeadLetterInfo;
import dev.postbox.jms.store.DestinationCounts;
import dev.postbox.jms.store.DestinationKind;
import dev.postbox.jms.store.DestinationRecord;
import dev.postbox.jms.store.MissingDestinationException;
import dev.postbox.jms.store.NewDestination;
import dev.postbox.jms.store.NewMessage;
import dev.postbox.jms.store.Release;
import dev.postbox.jms.store.StoreConflictException;
import dev.postbox.jms.store.StoredMessage;
import dev.postbox.jms.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(120)
class JpaMessageStoreTest {

    private TestDatabase database;
    private JpaMessageStore store;

    private JpaMessageStore open(TestDatabase.Kind kind) {
        database = TestDatabase.create(kind);
        store = JpaMessageStore.open(
                PooledDataSources.create(database.url(), null, null, 8, Duration.ofSeconds(5)),
                Clock.systemUTC(), null);
        return store;
    }

    @AfterEach
    void tearDown() {
        if (store != null) {
            store.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static NewMessage message(long destinationId, int priority, String text, Instant visibleAt) {
        return new NewMessage(destinationId, priority, visibleAt, null, "ID:" + text, 1L, null, null, null, null,
                2, 0L, 0L, null, null, 1, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(StoredMessage m) {
        return new String(m.content().body(), StandardCharsets.UTF_8);
    }

    private DestinationRecord queue(String name) {
        return store.inTransaction(tx -> tx.createDestination(NewDestination.queue(name)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void migratesAnEmptyDatabaseAndRecordsTheSchemaVersion(TestDatabase.Kind kind) throws Exception {
        open(kind);
        try (Connection c = database.connect();
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT \"version\" FROM \"" + JpaMessageStore.SCHEMA_HISTORY_TABLE + "\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL")) {
            assertTrue(rs.next());
            assertEquals("001", rs.getString(1));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void creatingADestinationTwiceIsAConflict(TestDatabase.Kind kind) {
        open(kind);
        DestinationRecord created = queue("orders");
        assertEquals(DestinationKind.QUEUE, created.kind());
        assertEquals(created.id(), store.inTransaction(tx -> tx.findDestination(DestinationKind.QUEUE, "orders")).get().id());
        assertThrows(StoreConflictException.class, () -> queue("orders"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void claimsByPriorityThenFifoAndCountsDeliveries(TestDatabase.Kind kind) {
        open(kind);
        long q = queue("q").id();
        Instant now = Instant.now();
        store.inTransaction(tx -> tx.insert(List.of(message(q, 4, "a", now), message(q, 9, "b", now),
                message(q, 4, "c", now), message(q, 0, "d", now))));
        List<StoredMessage> claimed = store.inTransaction(tx -> tx.claim(new ClaimRequest(q, "n1", 3, now)));
        assertEquals(List.of("b", "a", "c"), claimed.stream().map(JpaMessageStoreTest::text).toList());
        assertTrue(claimed.stream().allMatch(m -> m.deliveryCount() == 1 && "n1".equals(m.claimedBy())));
        List<StoredMessage> rest = store.inTransaction(tx -> tx.claim(new ClaimRequest(q, "n1", 3, now)));
        assertEquals(List.of("d"), rest.stream().map(JpaMessageStoreTest::text).toList());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void claimsAndAcknowledgesInStatementsOfTheirOwn(TestDatabase.Kind kind) throws Exception {
        open(kind);
        long q = queue("q").id();
        Instant now = Instant.now();
        store.inTransaction(tx -> tx.insert(List.of(message(q, 4, "a", now), message(q, 9, "b", now),
                message(q, 4, "c", now))));
        List<StoredMessage> claimed = store.claimRelaxed(new ClaimRequest(q, "n1", 2, now));
        assertEquals(List.of("b", "a"), claimed.stream().map(JpaMessageStoreTest::text).toList());
        assertTrue(claimed.stream().allMatch(m -> m.deliveryCount() == 1 && "n1".equals(m.claimedBy())));
        List<Long> ids = claimed.stream().map(StoredMessage::id).toList();

        assertEquals(0, store.acknowledgeCommitted(ids, "n2"), "only the claiming node acknowledges");
        assertEquals(2, store.acknowledgeCommitted(ids, "n1"));
        assertEquals(1, messagesOf(q));
        assertEquals(List.of("c"), store.claimRelaxed(new ClaimRequest(q, "n2", 5, now)).stream()
                .map(JpaMessageStoreTest::text).toList());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void delayedAndExpiredMessagesAreNotClaimed(TestDatabase.Kind kind) {
        open(kind);
        long q = queue("q").id();
        Instant now = Instant.now();
        NewMessage expired = new NewMessage(q, 4, now, now.minusSeconds(1), "ID:x", 1, null, null, null, null, 2,
                1, 0, null, null, 0, null);
        store.inTransaction(tx -> {
            tx.insert(List.of(message(q, 4, "later", now.plusSeconds(60)), expired));
            return null;
        });
        assertTrue(store.inTransaction(tx -> tx.claim(new ClaimRequest(q, "n1", 10, now))).isEmpty());
        assertEquals(now.plusSeconds(60).toEpochMilli(),
                store.inTransaction(tx -> tx.nextVisibleAt(q, now)).get().toEpochMilli());
        assertEquals(1, store.inTransaction(tx -> tx.expired(now, 10)).size());
        assertEquals(1, store.inTransaction(tx -> tx.claim(new ClaimRequest(q, "n1", 10, now.plusSeconds(61))))
                .size());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void acknowledgeDeletesOnlyTheNodesOwnClaims(TestDatabase.Kind kind) {
        open(kind);
        long q = queue("q").id();
        Instant now = Instant.now();
        store.inTransaction(tx -> {
            tx.insert(List.of(message(q, 4, "a", now)));
            return null;
        });
        long id = store.inTransaction(tx -> tx.claim(new ClaimRequest(q, "n1", 1, now))).get(0).id();
        assertEquals(0, (int) store.inTransaction(tx -> tx.acknowledge(List.of(id), "other")));
        assertEquals(1, (int) store.inTransaction(tx -> tx.acknowledge(List.of(id), "n1")));
        assertTrue(store.inTransaction(tx -> tx.findMessage(id)).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void releaseKeepsOrGivesBackTheDeliveryCount(TestDatabase.Kind kind) {
        open(kind);
        long q = queue("q").id();
        Instant now = Instant.now();
        store.inTransaction(tx -> {
            tx.insert(List.of(message(q, 4, "a", now), message(q, 4, "b", now)));
            return null;
        });
        List<StoredMessage> claimed = store.inTransaction(tx -> tx.claim(new ClaimRequest(q, "n1", 2, now)));
        store.inTransaction(tx -> tx.release(List.of(
                new Release(claimed.get(0).id(), true, now, "boom"),
                new Release(claimed.get(1).id(), false, now, null)), "n1"));
        List<StoredMessage> again = store.inTransaction(tx -> tx.claim(new ClaimRequest(q, "n1", 2, now)));
        assertEquals(2, again.get(0).deliveryCount());
        assertEquals("boom", again.get(0).lastFailure());
        assertEquals(1, again.get(1).deliveryCount());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void deadNodesLoseTheirClaims(TestDatabase.Kind kind) throws Exception {
        open(kind);
        long q = queue("q").id();
        Instant now = Instant.now();
        store.inTransaction(tx -> {
            tx.registerNode("dead", "h");
            tx.registerNode("alive", "h");
            tx.insert(List.of(message(q, 4, "a", now), message(q, 4, "b", now)));
            return null;
        });
        store.inTransaction(tx -> tx.claim(new ClaimRequest(q, "dead", 1, now)));
        store.inTransaction(tx -> tx.claim(new ClaimRequest(q, "alive", 1, now)));
        assertEquals(0, (int) store.inTransaction(tx -> tx.reapDeadNodes(Duration.ofMinutes(1), "consumer lost")));
        try (Connection c = database.connect()) {
            c.createStatement().executeUpdate(
                    "UPDATE pb_node SET heartbeat_at = heartbeat_at - INTERVAL '5' MINUTE WHERE node_id = 'dead'");
        }
        assertEquals(1, (int) store.inTransaction(tx -> tx.reapDeadNodes(Duration.ofMinutes(1), "consumer lost")));
        assertFalse((boolean) store.inTransaction(tx -> tx.heartbeat("dead")));
        List<StoredMessage> reclaimed = store.inTransaction(tx -> tx.claim(new ClaimRequest(q, "n3", 5, now)));
        assertEquals(1, reclaimed.size(), "only the dead node's message is available again");
        assertEquals(1, reclaimed.stream().filter(m -> m.deliveryCount() == 2 && "consumer lost".equals(m.lastFailure()))
                .count());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void deadLetteringMovesTheMessageWithItsReason(TestDatabase.Kind kind) {
        open(kind);
        long q = queue("q").id();
        long dlq = queue("q.DLQ").id();
        Instant now = Instant.now();
        store.inTransaction(tx -> {
            tx.insert(List.of(message(q, 4, "a", now)));
            return null;
        });
        long id = store.inTransaction(tx -> tx.claim(new ClaimRequest(q, "n1", 1, now))).get(0).id();
        store.inTransaction(tx -> tx.moveToDeadLetter(id, dlq, new DeadLetterInfo("boom", "q", now, 3)));
        DestinationCounts counts = store.inTransaction(tx -> tx.countsByDestination(now)).get(dlq);
        assertEquals(new DestinationCounts(1, 0, 0), counts);
        StoredMessage dead = store.inTransaction(tx -> tx.findMessage(id)).get();
        assertEquals("boom", dead.deadLetter().reason());
        assertEquals("q", dead.deadLetter().originalDestination());
        assertEquals(3, dead.deadLetter().attempts());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMessageWithALiveIdempotencyKeyIsStoredOnce(TestDatabase.Kind kind) {
        open(kind);
        long q = queue("q").id();
        Instant now = Instant.now();
        NewMessage keyed = message(q, 4, "once", now);
        NewMessage first = new NewMessage(q, 4, now, null, "ID:1", 1, null, null, null, null, 2, 0, 0, null, null, 1,
                keyed.body(), "order-42", now.plusSeconds(60));
        NewMessage retry = new NewMessage(q, 4, now, null, "ID:2", 1, null, null, null, null, 2, 0, 0, null, null, 1,
                keyed.body(), "order-42", now.plusSeconds(60));
        assertEquals(1, (int) store.inTransaction(tx -> tx.insert(List.of(first))));
        assertEquals(0, (int) store.inTransaction(tx -> tx.insert(List.of(retry))), "duplicate key skipped");
        assertEquals(1, store.inTransaction(tx -> tx.claim(new ClaimRequest(q, "n", 10, now))).size());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anExpiredIdempotencyKeyNoLongerBlocksAResend(TestDatabase.Kind kind) {
        open(kind);
        long q = queue("q").id();
        Instant now = Instant.now();
        NewMessage old = new NewMessage(q, 4, now, null, "ID:1", 1, null, null, null, null, 2, 0, 0, null, null, 0,
                null, "k", now.minusSeconds(1));
        NewMessage fresh = new NewMessage(q, 4, now, null, "ID:2", 1, null, null, null, null, 2, 0, 0, null, null, 0,
                null, "k", now.plusSeconds(60));
        store.inTransaction(tx -> tx.insert(List.of(old)));
        assertEquals(1, (int) store.inTransaction(tx -> tx.insert(List.of(fresh))));
        assertEquals(0, (int) store.inTransaction(tx -> tx.deleteExpiredIdempotencyKeys(now)), "renewed key kept");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMessageForADeletedDestinationIsRefusedAndNothingOfItsTransactionIsKept(TestDatabase.Kind kind)
            throws Exception {
        open(kind);
        long gone = queue("gone").id();
        long kept = queue("kept").id();
        store.inTransaction(tx -> {
            tx.deleteDestination(gone);
            return null;
        });
        Instant now = Instant.now();
        MissingDestinationException refused = assertThrows(MissingDestinationException.class,
                () -> store.inTransaction(tx -> tx.insert(List.of(message(kept, 4, "first", now),
                        message(gone, 4, "second", now)))));
        assertEquals(gone, refused.destinationId());
        assertThrows(MissingDestinationException.class, () -> store.insertCommitted(message(gone, 4, "alone", now)));
        assertEquals(0, messagesOf(gone));
        assertEquals(0, messagesOf(kept), "the transaction with the refused message stored nothing");
        assertEquals(0, (int) store.inTransaction(tx -> tx.insert(List.of())), "a publication nobody wanted");
        store.insertCommitted(message(kept, 4, "third", now));
        assertEquals(1, messagesOf(kept));
    }

    /**
     * PostgreSQL: a send that commits after its destination was deleted leaves a message without destination
     * (messages carry no foreign key); the orphan sweep deletes it and nothing else.
     */
    @Test
    void aMessageSentWhileItsDestinationWasDeletedIsSweptAway() throws Exception {
        open(TestDatabase.Kind.POSTGRESQL);
        long gone = queue("gone").id();
        long kept = queue("kept").id();
        Instant now = Instant.now();
        store.inTransaction(tx -> tx.insert(List.of(message(kept, 4, "stays", now))));
        try (Connection sender = database.connect()) {
            sender.setAutoCommit(false);
            try (PreparedStatement insert = sender.prepareStatement("""
                    INSERT INTO pb_message (id, destination_id, priority, visible_at, enqueued_at, jms_timestamp,
                                            delivery_mode, jms_expiration, delivery_time, body_type)
                    VALUES (nextval('pb_message_seq'), ?, 4, now(), now(), 1, 2, 0, 0, 0)""")) {
                insert.setLong(1, gone);
                insert.executeUpdate();
            }
            store.inTransaction(tx -> {
                tx.deleteDestination(gone);
                return null;
            });
            sender.commit();
        }
        assertEquals(1, messagesOf(gone), "the late send is stored although its destination is gone");

        assertEquals(1, (int) store.inTransaction(tx -> tx.deleteOrphanedMessages()));
        assertEquals(0, messagesOf(gone));
        assertEquals(1, messagesOf(kept));
        assertEquals(0, (int) store.inTransaction(tx -> tx.deleteOrphanedMessages()));
    }

    private int messagesOf(long destinationId) throws Exception {
        try (Connection c = database.connect();
                PreparedStatement count = c.prepareStatement("SELECT count(*) FROM pb_message WHERE destination_id = ?")) {
            count.setLong(1, destinationId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void claimAndDeleteTakesMessagesForGood(TestDatabase.Kind kind) {
        open(kind);
        long q = queue("q").id();
        Instant now = Instant.now();
        store.inTransaction(tx -> tx.insert(List.of(message(q, 1, "low", now), message(q, 7, "high", now))));
        List<StoredMessage> taken = store.inTransaction(tx -> tx.claimAndDelete(new ClaimRequest(q, "n", 1, now)));
        assertEquals(List.of("high"), taken.stream().map(JpaMessageStoreTest::text).toList());
        assertTrue(store.inTransaction(tx -> tx.findMessage(taken.get(0).id())).isEmpty());
        assertEquals(1, store.inTransaction(tx -> tx.claimAndDelete(new ClaimRequest(q, "n", 5, now))).size());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void competingClaimsNeverShareAMessage(TestDatabase.Kind kind) throws Exception {
        open(kind);
        long q = queue("q").id();
        Instant now = Instant.now();
        int total = 400;
        store.inTransaction(tx -> {
            List<NewMessage> batch = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                batch.add(message(q, 4, "m" + i, now));
            }
            tx.insert(batch);
            return null;
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Set<Long> seen = Collections.synchronizedSet(new HashSet<>());
        List<Future<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String node = "n" + w;
            workers.add(pool.submit(() -> {
                int mine = 0;
                int emptyRounds = 0;
                while (emptyRounds < 3) {
                    List<StoredMessage> got = store.inTransaction(tx -> tx.claim(new ClaimRequest(q, node, 3, now)));
                    emptyRounds = got.isEmpty() ? emptyRounds + 1 : 0;
                    for (StoredMessage m : got) {
                        assertTrue(seen.add(m.id()), "claimed twice: " + m.id());
                        mine++;
                    }
                }
                return mine;
            }));
        }
        int claimed = 0;
        for (Future<Integer> f : workers) {
            claimed += f.get();
        }
        pool.shutdown();
        assertEquals(total, claimed);
        assertEquals(total, seen.size());
    }
}

package dev.postbox.jms.store.jpa;

import dev.postbox.jms.store.ClaimRequest;
import dev.postbox.jms.store.MessageStore;
import dev.postbox.jms.store.NewMessage;
import dev.postbox.jms.store.StoreException;
import dev.postbox.jms.store.StoreNotifications;
import dev.postbox.jms.store.StoreTransaction;
import dev.postbox.jms.store.StoredMessage;
import dev.postbox.jms.store.StoreUnavailableException;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The JPA (EclipseLink) message store. {@link #open} checks the database, applies the versioned schema
 * migrations and builds the entity manager factory.
 */
public final class JpaMessageStore implements MessageStore {

    private static final System.Logger LOG = System.getLogger(JpaMessageStore.class.getName());

    /** Name of Flyway's schema history table. */
    public static final String SCHEMA_HISTORY_TABLE = "pb_schema_history";

    private final EntityManagerFactory emf;
    private final DataSource own;
    private final boolean vacuumItself;
    private final DataSource transactional;
    private final StoreNotifications notifications;
    private final StoreDialect dialect;
    private final Clock clock;
    private final String description;
    private final AutoCloseable owned;

    private JpaMessageStore(EntityManagerFactory emf, DataSource own, DataSource transactional, StoreDialect dialect,
            Clock clock, String description, AutoCloseable owned) {
        this.emf = emf;
        this.own = own;
        this.vacuumItself = dialect instanceof PostgresDialect && autovacuumOff(own);
        this.transactional = transactional;
        this.notifications = dialect instanceof PostgresDialect
                ? new PostgresNotifications(own, PostgresNotifications.currentSchema(own)) : null;
        this.dialect = dialect;
        this.clock = clock;
        this.description = description;
        this.owned = owned;
    }

    /**
     * Opens the store on a data source.
     *
     * @param dataSource connections to the database (never enlisted in a JTA transaction)
     * @param clock the broker clock
     * @param owned closed with the store (e.g. the pool created for it), or null
     * @throws StoreUnavailableException when the database cannot be reached
     * @throws StoreException when the database is not supported or the schema cannot be migrated
     */
    public static JpaMessageStore open(DataSource dataSource, Clock clock, AutoCloseable owned) {
        String product = describe(dataSource);
        StoreDialect dialect = dialectFor(product);
        migrate(dataSource, dialect);
        EntityManagerFactory emf = factory(StorePersistenceUnit.resourceLocal(dataSource, loader()), "None", product);
        LOG.log(System.Logger.Level.DEBUG, "Message store open on {0}", product);
        return new JpaMessageStore(emf, dataSource, null, dialect, clock, product, owned);
    }

    /**
     * Opens the store inside an application server: its own transactions use {@code nonTransactional}
     * connections (the caller makes sure they are never enlisted); {@link #joinExternal()} works in the
     * caller's JTA transaction on {@code transactional} connections of the same database, which the server
     * enlists and shares with the application's own work in that transaction.
     */
    public static JpaMessageStore openInServer(DataSource nonTransactional, DataSource transactional, Clock clock) {
        String product = describe(nonTransactional);
        StoreDialect dialect = dialectFor(product);
        migrate(nonTransactional, dialect);
        EntityManagerFactory emf = factory(StorePersistenceUnit.resourceLocal(nonTransactional, loader()), "None",
                product);
        return new JpaMessageStore(emf, nonTransactional, transactional, dialect, clock, product, null);
    }

    private static ClassLoader loader() {
        return JpaMessageStore.class.getClassLoader();
    }

    private static EntityManagerFactory factory(StorePersistenceUnit unit, String targetServer, String product) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("eclipselink.weaving", "false");
        properties.put("eclipselink.cache.shared.default", "false");
        properties.put("eclipselink.jdbc.batch-writing", "JDBC");
        properties.put("eclipselink.jdbc.batch-writing.size", "100");
        properties.put("eclipselink.logging.logger", "JavaLogger");
        properties.put("eclipselink.logging.level", "WARNING");
        properties.put("eclipselink.ddl-generation", "none");
        properties.put("eclipselink.jdbc.cache-statements", "false");
        properties.put("eclipselink.persistence-context.flush-mode", "COMMIT");
        properties.put("eclipselink.target-server", targetServer);
        properties.put("eclipselink.session-name", unit.getPersistenceUnitName() + "-" + System.identityHashCode(unit));
        properties.put("eclipselink.classloader", unit.getClassLoader());
        try {
            EntityManagerFactory emf = new PersistenceProvider().createContainerEntityManagerFactory(unit, properties);
            emf.createEntityManager().close();
            return emf;
        } catch (RuntimeException e) {
            throw StoreExceptions.translate("Starting the JPA persistence unit on " + product, e);
        }
    }

    private static String describe(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new StoreUnavailableException("Cannot connect to the message store database: "
                    + StoreExceptions.rootMessage(e), e);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("Cannot connect to the message store database: "
                    + StoreExceptions.rootMessage(e), e);
        }
    }

    private static StoreDialect dialectFor(String product) {
        String lower = product.toLowerCase(Locale.ROOT);
        if (lower.startsWith("postgresql")) {
            return new PostgresDialect();
        }
        if (lower.startsWith("h2")) {
            return new H2Dialect();
        }
        throw new StoreException("Unsupported message store database " + product
                + ": Postbox supports PostgreSQL and H2");
    }

    private static void migrate(DataSource dataSource, StoreDialect dialect) {
        try {
            MigrateResult result = Flyway.configure(JpaMessageStore.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:dev/postbox/jms/store/migration/" + dialect.name())
                    .table(SCHEMA_HISTORY_TABLE)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .baselineDescription("Postbox tables added to an existing schema")
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.log(System.Logger.Level.INFO, "PBX-1001 Message store schema migrated to version {0} ({1} migrations applied)",
                        result.targetSchemaVersion, result.migrationsExecuted);
            }
        } catch (RuntimeException e) {
            throw StoreExceptions.translate("Migrating the message store schema", e);
        }
    }

    @Override
    public StoreTransaction begin() {
        try {
            return JpaStoreTransaction.begin(emf.createEntityManager(), dialect, clock);
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw StoreExceptions.translate("Begin transaction", e);
        }
    }

    @Override
    public StoreTransaction joinExternal() {
        if (transactional == null) {
            return MessageStore.super.joinExternal();
        }
        try {
            return new ExternalJdbcTransaction(transactional.getConnection(), dialect, clock, true);
        } catch (java.sql.SQLException e) {
            throw StoreExceptions.translate("Join the current JTA transaction", e);
        }
    }

    private static boolean autovacuumOff(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet r = s.executeQuery("SELECT current_setting('autovacuum')")) {
            boolean off = r.next() && "off".equalsIgnoreCase(r.getString(1));
            if (off) {
                LOG.log(System.Logger.Level.WARNING, "PBX-1004 PostgreSQL autovacuum is off: Postbox vacuums its"
                        + " tables itself, or its claims would slow down as dead row versions pile up");
            }
            return off;
        } catch (SQLException e) {
            throw StoreExceptions.translate("Read the autovacuum setting", e);
        }
    }

    /**
     * One INSERT in auto-commit mode: one round trip to the database instead of two (insert, commit), which
     * is what a persistent send outside a transaction waits for.
     */
    @Override
    public void insertCommitted(NewMessage message) {
        autoCommitted("Store message",
                c -> MessageInserts.insert(c, dialect, EntityMapper.utc(clock.instant()), List.of(message)));
    }

    /** On PostgreSQL one auto-commit statement that commits without waiting for the disk (one round trip). */
    @Override
    public List<StoredMessage> claimRelaxed(ClaimRequest request) {
        Optional<String> sql = dialect.relaxedClaimSql();
        if (sql.isEmpty()) {
            return MessageStore.super.claimRelaxed(request);
        }
        return autoCommitted("Claim messages", c -> JpaStoreTransaction.sorted(MessageRows.query(c, sql.get(),
                request.node(), EntityMapper.utc(request.now()), request.destinationId(), request.max())));
    }

    /** One auto-commit DELETE (one round trip) when the ids fit in one statement. */
    @Override
    public int acknowledgeCommitted(Collection<Long> messageIds, String node) {
        if (messageIds.size() > MessageAcknowledgements.CHUNK) {
            return MessageStore.super.acknowledgeCommitted(messageIds, node);
        }
        return autoCommitted("Acknowledge messages", c -> MessageAcknowledgements.delete(c, messageIds, node));
    }

    /** One query in auto-commit mode, without the persistence context's transaction (asked by idle consumers). */
    @Override
    public Optional<Instant> nextVisibleAt(long destinationId, Instant now) {
        return autoCommitted("Find next delivery time", c -> {
            try (PreparedStatement query = c.prepareStatement(NEXT_VISIBLE)) {
                query.setLong(1, destinationId);
                query.setObject(2, EntityMapper.utc(now));
                try (ResultSet row = query.executeQuery()) {
                    OffsetDateTime at = row.next() ? row.getObject(1, OffsetDateTime.class) : null;
                    return Optional.ofNullable(at).map(OffsetDateTime::toInstant);
                }
            }
        });
    }

    private static final String NEXT_VISIBLE = "SELECT MIN(visible_at) FROM pb_message"
            + " WHERE destination_id = ? AND claimed_by IS NULL AND visible_at > ?";

    /** JDBC work that commits statement by statement. */
    @FunctionalInterface
    private interface AutoCommitWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs work on a connection of the store's own pool in auto-commit mode. */
    private <T> T autoCommitted(String operation, AutoCommitWork<T> work) {
        try (Connection c = own.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(true);
            T result;
            try {
                result = work.run(c);
            } catch (SQLException | RuntimeException e) {
                restoreAutoCommit(c, autoCommit, e);
                throw e;
            }
            c.setAutoCommit(autoCommit);
            return result;
        } catch (SQLException e) {
            throw StoreExceptions.translate(operation, e);
        }
    }

    /**
     * Puts a failed connection back in its mode for the pool; when that fails too (the connection is
     * broken), the first failure stays the one reported, so that a lost database reads as unavailable.
     */
    private static void restoreAutoCommit(Connection c, boolean autoCommit, Exception failure) {
        try {
            c.setAutoCommit(autoCommit);
        } catch (SQLException again) {
            failure.addSuppressed(again);
        }
    }

    @Override
    public boolean needsVacuum() {
        return vacuumItself;
    }

    @Override
    public void vacuum() {
        try (Connection c = own.getConnection(); java.sql.Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("VACUUM (SKIP_LOCKED) pb_message, pb_node, pb_idempotency_key, pb_subscription_consumer");
        } catch (SQLException e) {
            throw StoreExceptions.translate("Vacuum the message tables", e);
        }
    }

    @Override
    public dev.postbox.jms.store.SessionConnection openSessionConnection() {
        if (transactional != null) {
            // in an application server the JTA transaction shares the connection with the application
            return MessageStore.super.openSessionConnection();
        }
        return JdbcSessionConnection.open(own, dialect, clock);
    }

    @Override
    public dev.postbox.jms.store.UserStore users() {
        return new JpaUserStore(this, clock);
    }

    /**
     * The users of a JPA store whose transactions another store implementation runs (a wrapper that moves
     * store work to other threads).
     */
    public static dev.postbox.jms.store.UserStore usersRunningIn(MessageStore runner) {
        return new JpaUserStore(runner, Clock.systemUTC());
    }

    @Override
    public java.util.Optional<dev.postbox.jms.store.StoreNotifications> notifications() {
        return java.util.Optional.ofNullable(notifications);
    }

    @Override
    public boolean supportsExternalTransactions() {
        return transactional != null;
    }

    @Override
    public String databaseDescription() {
        return description;
    }

    @Override
    public boolean supportsMultipleNodes() {
        return dialect.supportsMultipleNodes();
    }

    @Override
    public void close() {
        try {
            if (notifications != null) {
                notifications.close();
            }
            emf.close();
        } finally {
            if (owned != null) {
                try {
                    owned.close();
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.WARNING, "PBX-1002 Closing the store connection pool failed", e);
                }
            }
        }
    }
}

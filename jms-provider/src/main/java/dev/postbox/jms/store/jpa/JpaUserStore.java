package dev.postbox.jms.store.jpa;

import dev.postbox.jms.store.MessageStore;
import dev.postbox.jms.store.UserStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** {@link UserStore} on the {@code pb_user} table, in the message store's own transactions. */
final class JpaUserStore implements UserStore {

    static final String FIND = "SELECT password_hash FROM pb_user WHERE name = ?1";
    static final String UPDATE = "UPDATE pb_user SET password_hash = ?2 WHERE name = ?1";
    static final String INSERT = "INSERT INTO pb_user (name, password_hash, created_at) VALUES (?1, ?2, ?3)";
    static final String DELETE = "DELETE FROM pb_user WHERE name = ?1";
    static final String NAMES = "SELECT name FROM pb_user ORDER BY name";

    private final MessageStore store;
    private final Clock clock;

    JpaUserStore(MessageStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    private static JpaStoreTransaction jpa(dev.postbox.jms.store.StoreTransaction tx) {
        return (JpaStoreTransaction) tx;
    }

    @Override
    public Optional<String> passwordHash(String name) {
        return store.inTransaction(tx -> jpa(tx).em().createNativeQuery(FIND).setParameter(1, name)
                .getResultStream().findFirst().map(Object::toString));
    }

    @Override
    public void put(String name, String passwordHash) {
        store.inTransaction(tx -> {
            var em = jpa(tx).em();
            int updated = em.createNativeQuery(UPDATE).setParameter(1, name).setParameter(2, passwordHash)
                    .executeUpdate();
            if (updated == 0) {
                em.createNativeQuery(INSERT).setParameter(1, name).setParameter(2, passwordHash)
                        .setParameter(3, EntityMapper.utc(clock.instant())).executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean delete(String name) {
        return store.inTransaction(tx -> jpa(tx).em().createNativeQuery(DELETE).setParameter(1, name)
                .executeUpdate() == 1);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> names() {
        return store.inTransaction(tx -> ((List<Object>) jpa(tx).em().createNativeQuery(NAMES).getResultList())
                .stream().map(Object::toString).toList());
    }
}

package dev.postbox.jms.management;

import dev.postbox.jms.engine.Authenticator;
import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.store.StoreException;
import java.util.List;
import java.util.function.Supplier;

/** {@link UserManagement} of a running broker node. */
public final class BrokerUserManagement implements UserManagement {

    private final Broker broker;

    /** Manages the users of this broker's store. */
    public BrokerUserManagement(Broker broker) {
        this.broker = broker;
    }

    @Override
    public List<String> listUsers() {
        return guard("List users", () -> broker.store().users().names());
    }

    @Override
    public void putUser(String name, String password) {
        if (name == null || name.isBlank() || name.length() > 255) {
            throw new ManagementException("A user name must have 1 to 255 characters");
        }
        if (password == null || password.length() < 8) {
            throw new ManagementException("A password must have at least 8 characters");
        }
        String hash = Authenticator.hash(password);
        guard("Store user " + name, () -> {
            broker.store().users().put(name, hash);
            return null;
        });
    }

    @Override
    public boolean deleteUser(String name) {
        return guard("Delete user " + name, () -> broker.store().users().delete(name));
    }

    private static <T> T guard(String operation, Supplier<T> work) {
        try {
            return work.get();
        } catch (StoreException e) {
            throw new ManagementException(operation + " failed: " + e.getMessage(), e);
        }
    }
}

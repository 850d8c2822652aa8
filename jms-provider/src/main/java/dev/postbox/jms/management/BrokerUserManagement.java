package dev.postbox.jms.management;

import dev.postbox.jms.engine.Authenticator;
import dev.postbox.jms.engine.Broker;
import java.util.List;

/** {@link UserManagement} of a running broker node. */
public final class BrokerUserManagement implements UserManagement {

    private static final int MAX_NAME_LENGTH = 255;
    private static final int MIN_PASSWORD_LENGTH = 8;

    private final Broker broker;

    /** Manages the users of this broker's store. */
    public BrokerUserManagement(Broker broker) {
        this.broker = broker;
    }

    @Override
    public List<String> listUsers() {
        return OperationGuard.call("List users", () -> broker.store().users().names());
    }

    @Override
    public void putUser(String name, String password) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new ManagementException.InvalidRequest("A user name must have 1 to " + MAX_NAME_LENGTH
                    + " characters");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new ManagementException.InvalidRequest("A password must have at least " + MIN_PASSWORD_LENGTH
                    + " characters");
        }
        String hash = Authenticator.hash(password);
        OperationGuard.run("Store user " + name, () -> broker.store().users().put(name, hash));
    }

    @Override
    public boolean deleteUser(String name) {
        InputRules.existingName(name, "user");
        return OperationGuard.call("Delete user " + name, () -> broker.store().users().delete(name));
    }
}

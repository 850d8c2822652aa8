package dev.postbox.jms.store;

import java.util.List;
import java.util.Optional;

/** The stored users of the broker: names and password hashes (never passwords). Thread-safe. */
public interface UserStore {

    /** The password hash of a user, or empty when there is no such user. */
    Optional<String> passwordHash(String name);

    /** Creates a user or replaces its password hash. */
    void put(String name, String passwordHash);

    /** Deletes a user; false when there was none. */
    boolean delete(String name);

    /** The user names, sorted. */
    List<String> names();
}

package dev.postbox.jms.management;

import java.util.List;

/**
 * The users connections authenticate as (a connection created with a user name and password must name a
 * user stored here). Passwords are stored as salted hashes; they cannot be read back.
 *
 * <p>Implementations are thread-safe; every call is one short store transaction (after hashing the
 * password, about 100 ms, for {@link #putUser}) and blocks until it is done. Failures are
 * {@link ManagementException}s with an operator-readable message: {@link ManagementException.InvalidRequest}
 * for a bad name or password, {@link ManagementException.Unavailable} when the database cannot be reached.
 * A node that authenticated a user lately keeps accepting it for up to five minutes after its deletion or
 * password change (see ADR 0005).
 */
public interface UserManagement {

    /** The user names, sorted. */
    List<String> listUsers();

    /**
     * Creates a user or sets a new password.
     *
     * @param name 1 to 255 characters, not blank
     * @param password at least 8 characters
     * @throws ManagementException.InvalidRequest when the name or password breaks those rules
     */
    void putUser(String name, String password);

    /**
     * Deletes a user; false when there was none.
     *
     * @throws ManagementException.InvalidRequest when the name is blank
     */
    boolean deleteUser(String name);
}

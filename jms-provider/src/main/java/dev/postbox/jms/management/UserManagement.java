package dev.postbox.jms.management;

import java.util.List;

/**
 * The users connections authenticate as (a connection created with a user name and password must name a
 * user stored here). Passwords are stored as salted hashes; they cannot be read back.
 */
public interface UserManagement {

    /** The user names, sorted. */
    List<String> listUsers();

    /** Creates a user or sets a new password. */
    void putUser(String name, String password);

    /** Deletes a user; false when there was none. */
    boolean deleteUser(String name);
}

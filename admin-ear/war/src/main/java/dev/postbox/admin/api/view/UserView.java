package dev.postbox.admin.api.view;

/**
 * A Postbox user as the REST API shows it: its name only (passwords are stored as salted hashes and never
 * leave the broker).
 *
 * @param name user name
 */
public record UserView(String name) {
}

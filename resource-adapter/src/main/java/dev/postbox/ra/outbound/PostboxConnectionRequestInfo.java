package dev.postbox.ra.outbound;

import jakarta.resource.spi.ConnectionRequestInfo;

/**
 * What an application asked for when it created a connection: its credentials (pooled connections are
 * matched on them).
 *
 * @param user the user name, or null
 * @param password the password, or null
 */
public record PostboxConnectionRequestInfo(String user, String password) implements ConnectionRequestInfo {

    @Override
    public String toString() {
        return "PostboxConnectionRequestInfo[user=" + user + "]";
    }
}

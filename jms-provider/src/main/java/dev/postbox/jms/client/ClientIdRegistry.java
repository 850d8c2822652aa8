package dev.postbox.jms.client;

import jakarta.jms.InvalidClientIDException;
import java.util.concurrent.ConcurrentHashMap;

/** Client identifiers in use by the connections of one node; a client id may be used by one at a time. */
public final class ClientIdRegistry {

    private final ConcurrentHashMap<String, String> owners = new ConcurrentHashMap<>();

    /** Claims a client id for a connection; fails when another connection uses it. */
    public void claim(String clientId, String connectionId) throws InvalidClientIDException {
        String owner = owners.putIfAbsent(clientId, connectionId);
        if (owner != null && !owner.equals(connectionId)) {
            throw new InvalidClientIDException("Client ID " + clientId + " is already in use by another connection");
        }
    }

    /** Releases a client id held by a connection. */
    public void release(String clientId, String connectionId) {
        owners.remove(clientId, connectionId);
    }
}

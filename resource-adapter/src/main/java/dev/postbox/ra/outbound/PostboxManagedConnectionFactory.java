package dev.postbox.ra.outbound;

import dev.postbox.ra.PostboxResourceAdapter;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.PrintWriter;
import java.io.Serializable;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.Subject;

/**
 * Makes pooled Postbox connections for the server's connection manager, and the connection factory
 * handles applications look up ({@code jakarta.jms.ConnectionFactory}, {@code QueueConnectionFactory},
 * {@code TopicConnectionFactory}).
 */
public class PostboxManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation,
        Serializable {

    private static final long serialVersionUID = 1L;

    private String clientId;
    private String user;
    private String password;
    private transient PostboxResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;

    @Override
    public Object createConnectionFactory(ConnectionManager manager) throws ResourceException {
        return new PostboxConnectionFactoryHandle(this, manager);
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        throw new jakarta.resource.NotSupportedException("Postbox connection factories are only available inside"
                + " an application server; in Java SE use dev.postbox.jms.PostboxConnectionFactory");
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
            throws ResourceException {
        return new PostboxManagedConnection(this, requestInfo(info));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set connections, Subject subject, ConnectionRequestInfo info)
            throws ResourceException {
        PostboxConnectionRequestInfo wanted = requestInfo(info);
        for (Object candidate : connections) {
            if (candidate instanceof PostboxManagedConnection mc && mc.factory() == this
                    && mc.requestInfo().equals(wanted) && mc.isUsable()) {
                return mc;
            }
        }
        return null;
    }

    private PostboxConnectionRequestInfo requestInfo(ConnectionRequestInfo info) {
        if (info instanceof PostboxConnectionRequestInfo postbox) {
            return postbox;
        }
        return new PostboxConnectionRequestInfo(user, password);
    }

    PostboxResourceAdapter adapter() throws ResourceException {
        if (resourceAdapter == null) {
            throw new jakarta.resource.spi.IllegalStateException("The connection factory is not associated with"
                    + " the Postbox resource adapter");
        }
        return resourceAdapter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        if (!(ra instanceof PostboxResourceAdapter postbox)) {
            throw new jakarta.resource.NotSupportedException("Not the Postbox resource adapter: " + ra);
        }
        this.resourceAdapter = postbox;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    // ----- configuration properties -----

    /** Client identifier given to every connection of this factory, or null. */
    public String getClientId() {
        return clientId;
    }

    /** Sets the client identifier given to every connection of this factory. */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    /** Default user of {@code createConnection()}. */
    public String getUser() {
        return user;
    }

    /** Sets the default user of {@code createConnection()}. */
    public void setUser(String user) {
        this.user = user;
    }

    /** Default password of {@code createConnection()}. */
    public String getPassword() {
        return password;
    }

    /** Sets the default password of {@code createConnection()}. */
    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostboxManagedConnectionFactory other && Objects.equals(clientId, other.clientId)
                && Objects.equals(user, other.user) && Objects.equals(password, other.password)
                && resourceAdapter == other.resourceAdapter;
    }

    @Override
    public int hashCode() {
        return Objects.hash(clientId, user);
    }
}

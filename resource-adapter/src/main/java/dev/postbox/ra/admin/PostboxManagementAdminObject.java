package dev.postbox.ra.admin;

import dev.postbox.jms.engine.Broker;
import dev.postbox.jms.management.BrokerQueueManagement;
import dev.postbox.jms.management.BrokerUserManagement;
import dev.postbox.jms.management.ForwardingQueueManagement;
import dev.postbox.jms.management.ManagementException;
import dev.postbox.jms.management.QueueManagement;
import dev.postbox.jms.management.UserManagement;
import dev.postbox.ra.PostboxResourceAdapter;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.Referenceable;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.Serializable;
import java.util.List;
import javax.naming.Reference;

/**
 * The management API of the adapter's broker node as an administered object
 * ({@code create-admin-object --restype dev.postbox.jms.management.QueueManagement}), so that the admin
 * application reaches it by JNDI without touching the store. The same object manages the broker's users
 * ({@link UserManagement}): the admin application casts it, so no second binding is needed.
 */
public class PostboxManagementAdminObject extends ForwardingQueueManagement implements UserManagement,
        ResourceAdapterAssociation, Referenceable, Serializable {

    private static final long serialVersionUID = 1L;

    private transient PostboxResourceAdapter resourceAdapter;
    private Reference reference;

    @Override
    protected QueueManagement delegate() {
        return new BrokerQueueManagement(broker());
    }

    private UserManagement users() {
        return new BrokerUserManagement(broker());
    }

    private Broker broker() {
        if (resourceAdapter == null) {
            throw new ManagementException("PBX-2051 The management object is not associated with the Postbox adapter");
        }
        try {
            return resourceAdapter.broker();
        } catch (ResourceException e) {
            throw new ManagementException.Unavailable("PBX-2052 The Postbox adapter is not running: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public List<String> listUsers() {
        return users().listUsers();
    }

    @Override
    public void putUser(String name, String password) {
        users().putUser(name, password);
    }

    @Override
    public boolean deleteUser(String name) {
        return users().deleteUser(name);
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        if (!(ra instanceof PostboxResourceAdapter postbox)) {
            throw new NotSupportedException("PBX-2053 The management object works only with the Postbox adapter,"
                    + " not " + (ra == null ? "null" : ra.getClass().getName()));
        }
        this.resourceAdapter = postbox;
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}

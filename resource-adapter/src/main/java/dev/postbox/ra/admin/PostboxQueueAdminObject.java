package dev.postbox.ra.admin;

import dev.postbox.jms.PostboxDestination;
import dev.postbox.ra.RaMessages;
import jakarta.jms.Queue;
import jakarta.resource.Referenceable;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Objects;
import javax.naming.Reference;

/** A Postbox queue as an administered object ({@code create-admin-object --restype jakarta.jms.Queue}). */
public class PostboxQueueAdminObject implements Queue, Referenceable, ResourceAdapterAssociation, Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private transient ResourceAdapter resourceAdapter;
    private Reference reference;

    /** The queue name. */
    public String getName() {
        return name;
    }

    /** Sets the queue name (letters, digits, {@code _ . - $ :}). */
    public void setName(String name) {
        String problem = PostboxDestination.nameProblem(name);
        if (problem != null) {
            throw new IllegalArgumentException(MessageFormat.format(RaMessages.INVALID_ADMIN_OBJECT_NAME, "queue",
                    problem));
        }
        this.name = name;
    }

    @Override
    public String getQueueName() {
        return name;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) {
        this.resourceAdapter = ra;
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostboxQueueAdminObject other && Objects.equals(other.name, name);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }

    @Override
    public String toString() {
        return "queue://" + name;
    }
}

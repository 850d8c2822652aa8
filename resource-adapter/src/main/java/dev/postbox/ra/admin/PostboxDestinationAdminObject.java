package dev.postbox.ra.admin;

import dev.postbox.jms.PostboxDestination;
import dev.postbox.ra.RaMessages;
import jakarta.resource.Referenceable;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Objects;
import javax.naming.Reference;

/**
 * What the queue and topic administered objects share: the {@code name} property, checked when it is set,
 * the adapter association and the JNDI reference. Equal when of the same kind with the same name.
 */
abstract class PostboxDestinationAdminObject implements Referenceable, ResourceAdapterAssociation, Serializable {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private String name;
    private transient ResourceAdapter resourceAdapter;
    private Reference reference;

    /** @param kind "queue" or "topic", for messages and {@code toString} */
    PostboxDestinationAdminObject(String kind) {
        this.kind = kind;
    }

    /** The destination name. */
    public String getName() {
        return name;
    }

    /** Sets the destination name (letters, digits, {@code _ . - $ :}). */
    public void setName(String name) {
        String problem = PostboxDestination.nameProblem(name);
        if (problem != null) {
            throw new IllegalArgumentException(MessageFormat.format(RaMessages.INVALID_ADMIN_OBJECT_NAME, kind,
                    problem));
        }
        this.name = name;
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
        return o != null && o.getClass() == getClass() && Objects.equals(((PostboxDestinationAdminObject) o).name,
                name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, name);
    }

    @Override
    public String toString() {
        return kind + "://" + name;
    }
}

package dev.postbox.ra.admin;

import dev.postbox.jms.PostboxDestination;
import dev.postbox.ra.RaMessages;
import jakarta.jms.Topic;
import jakarta.resource.Referenceable;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Objects;
import javax.naming.Reference;

/** A Postbox topic as an administered object ({@code create-admin-object --restype jakarta.jms.Topic}). */
public class PostboxTopicAdminObject implements Topic, Referenceable, ResourceAdapterAssociation, Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private transient ResourceAdapter resourceAdapter;
    private Reference reference;

    /** The topic name. */
    public String getName() {
        return name;
    }

    /** Sets the topic name (letters, digits, {@code _ . - $ :}). */
    public void setName(String name) {
        String problem = PostboxDestination.nameProblem(name);
        if (problem != null) {
            throw new IllegalArgumentException(MessageFormat.format(RaMessages.INVALID_ADMIN_OBJECT_NAME, "topic",
                    problem));
        }
        this.name = name;
    }

    @Override
    public String getTopicName() {
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
        return o instanceof PostboxTopicAdminObject other && Objects.equals(other.name, name);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }

    @Override
    public String toString() {
        return "topic://" + name;
    }
}

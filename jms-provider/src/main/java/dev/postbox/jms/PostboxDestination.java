package dev.postbox.jms;

import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import java.io.Serializable;
import java.util.Objects;

/**
 * A Postbox queue or topic, identified by kind and name. Destinations are immutable values and may be
 * stored in JNDI (they are {@link Serializable} and {@link jakarta.jms.Destination}).
 *
 * <p>Names are 1 to {@value #MAX_NAME_LENGTH} characters of letters, digits and {@code . _ - $ :},
 * starting with a letter, digit or underscore.
 */
public abstract sealed class PostboxDestination implements Destination, Serializable
        permits PostboxQueue, PostboxTopic {

    private static final long serialVersionUID = 1L;

    /** Longest destination name accepted. */
    public static final int MAX_NAME_LENGTH = 200;

    private final String name;

    PostboxDestination(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The destination name as given by the application. */
    public final String name() {
        return name;
    }

    /** True for {@link PostboxTopic}s. */
    public abstract boolean isTopic();

    /** True for temporary queues and topics. */
    public boolean isTemporary() {
        return false;
    }

    /**
     * The address form used in stored {@code JMSReplyTo} headers and logs: {@code queue://name},
     * {@code topic://name}, {@code temp-queue://name} or {@code temp-topic://name}.
     */
    public final String address() {
        return (isTemporary() ? "temp-" : "") + (isTopic() ? "topic" : "queue") + "://" + name;
    }

    /** Parses an {@link #address()} back into a destination (temporary ones without an owner). */
    public static PostboxDestination fromAddress(String address) {
        int sep = address.indexOf("://");
        if (sep < 0) {
            throw new IllegalArgumentException("Not a Postbox destination address: " + address);
        }
        String scheme = address.substring(0, sep);
        String name = address.substring(sep + 3);
        return switch (scheme) {
            case "queue" -> new PostboxQueue(name);
            case "topic" -> new PostboxTopic(name);
            case "temp-queue" -> new PostboxTemporaryQueue(name, null);
            case "temp-topic" -> new PostboxTemporaryTopic(name, null);
            default -> throw new IllegalArgumentException("Not a Postbox destination address: " + address);
        };
    }

    /**
     * Checks a destination name, throwing {@link InvalidDestinationException} naming the problem.
     *
     * @return the name, unchanged
     */
    public static String checkName(String name) throws InvalidDestinationException {
        String problem = nameProblem(name);
        if (problem != null) {
            throw new InvalidDestinationException(problem);
        }
        return name;
    }

    /** The reason a name is invalid, or null when it is valid. */
    public static String nameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "A destination name must not be null or empty";
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return "Destination name longer than " + MAX_NAME_LENGTH + " characters: " + name.substring(0, 40) + "…";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = Character.isLetterOrDigit(c) || c == '_'
                    || (i > 0 && (c == '.' || c == '-' || c == '$' || c == ':'));
            if (!ok) {
                return "Invalid character '" + c + "' at position " + (i + 1) + " in destination name \"" + name
                        + "\" (allowed: letters, digits, '_' and, after the first character, '.', '-', '$', ':')";
            }
        }
        return null;
    }

    /** Converts any JMS destination whose class is ours, or throws {@link InvalidDestinationException}. */
    public static PostboxDestination of(Destination destination) throws JMSException {
        if (destination == null) {
            throw new InvalidDestinationException("Destination must not be null");
        }
        if (destination instanceof PostboxDestination d) {
            return d;
        }
        if (destination instanceof jakarta.jms.TemporaryQueue || destination instanceof jakarta.jms.TemporaryTopic) {
            throw new InvalidDestinationException("Foreign temporary destination not supported: " + destination);
        }
        if (destination instanceof jakarta.jms.Queue q) {
            return new PostboxQueue(checkName(q.getQueueName()));
        }
        if (destination instanceof jakarta.jms.Topic t) {
            return new PostboxTopic(checkName(t.getTopicName()));
        }
        throw new InvalidDestinationException("Unsupported destination type: " + destination.getClass().getName());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostboxDestination d && d.getClass() == getClass() && d.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + getClass().hashCode();
    }

    @Override
    public String toString() {
        return address();
    }
}

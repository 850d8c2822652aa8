package dev.postbox.jms.message;

import jakarta.jms.MessageFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;

/**
 * Java serialization of {@link jakarta.jms.ObjectMessage} bodies. Deserialization runs an
 * {@link ObjectInputFilter} built from a {@link DeserializationPolicy}, so every class in the object graph
 * is checked before it is instantiated; a JVM-wide filter ({@code jdk.serialFilter}) still applies.
 * Classes are resolved with the thread context class loader, falling back to this class's loader.
 */
final class ObjectBodyCodec {

    /** The connection factory property that extends the allow list. */
    static final String ALLOW_LIST_PROPERTY = "deserializationAllowList";
    /** The connection factory property that extends the deny list. */
    static final String DENY_LIST_PROPERTY = "deserializationDenyList";

    private ObjectBodyCodec() {
    }

    /** Serializes an object; null gives null. */
    static byte[] serialize(Serializable object) throws MessageFormatException {
        if (object == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (IOException e) {
            throw PostboxBytesMessage.linked(new MessageFormatException("Cannot serialize the ObjectMessage body ("
                    + object.getClass().getName() + "): " + e), e);
        }
        return bytes.toByteArray();
    }

    /**
     * Deserializes a fresh copy of the object.
     *
     * @throws MessageFormatException when the bytes are not a serialized object, a class cannot be loaded,
     *     or the policy refuses a class (the message names the class and the property to change)
     */
    static Serializable deserialize(byte[] bytes, DeserializationPolicy policy) throws MessageFormatException {
        if (bytes == null) {
            return null;
        }
        PolicyFilter filter = new PolicyFilter(policy);
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(filter);
            Object object = in.readObject();
            if (!(object instanceof Serializable serializable)) {
                throw new MessageFormatException("The ObjectMessage body is not Serializable");
            }
            return serializable;
        } catch (InvalidClassException e) {
            if (filter.rejected != null) {
                throw PostboxBytesMessage.linked(new MessageFormatException(refusal(filter.rejected, policy)), e);
            }
            throw PostboxBytesMessage.linked(new MessageFormatException("Cannot deserialize the ObjectMessage "
                    + "body: " + e.getMessage()), e);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw PostboxBytesMessage.linked(new MessageFormatException("Cannot deserialize the ObjectMessage "
                    + "body: " + e), e);
        }
    }

    private static String refusal(String className, DeserializationPolicy policy) {
        return "Class " + className + " may not be deserialized from an ObjectMessage under the deserialization "
                + "policy (" + policy + "); add the class or its package to the connection factory property "
                + ALLOW_LIST_PROPERTY + " (and keep it out of " + DENY_LIST_PROPERTY + ")";
    }

    /** Applies the policy to each class and remembers the first one refused. */
    private static final class PolicyFilter implements ObjectInputFilter {

        private final DeserializationPolicy policy;
        private final ObjectInputFilter jvmWide = ObjectInputFilter.Config.getSerialFilter();
        private String rejected;

        PolicyFilter(DeserializationPolicy policy) {
            this.policy = policy;
        }

        @Override
        public Status checkInput(FilterInfo info) {
            if (jvmWide != null && jvmWide.checkInput(info) == Status.REJECTED) {
                rejected = rejected == null && info.serialClass() != null ? info.serialClass().getName() : rejected;
                return Status.REJECTED;
            }
            Class<?> type = info.serialClass();
            if (type == null) {
                return Status.UNDECIDED;
            }
            if (policy.isAllowed(type)) {
                return Status.ALLOWED;
            }
            if (rejected == null) {
                rejected = type.getName();
            }
            return Status.REJECTED;
        }
    }

    /** Resolves classes with the thread context class loader, then this class's loader. */
    private static final class LoaderObjectInputStream extends ObjectInputStream {

        LoaderObjectInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context != null) {
                try {
                    return Class.forName(desc.getName(), false, context);
                } catch (ClassNotFoundException e) {
                    // not visible to the context loader: try ours next
                }
            }
            try {
                return Class.forName(desc.getName(), false, ObjectBodyCodec.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}

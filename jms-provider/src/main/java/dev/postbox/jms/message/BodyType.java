package dev.postbox.jms.message;

/**
 * The body format of a stored message. The codes are persisted in the {@code body_type} column and
 * must never change.
 */
public enum BodyType {
    /** A plain {@link jakarta.jms.Message} with no body. */
    NONE(0),
    /** {@link jakarta.jms.TextMessage}: body is the text in UTF-8. */
    TEXT(1),
    /** {@link jakarta.jms.BytesMessage}: body is the bytes as written. */
    BYTES(2),
    /** {@link jakarta.jms.MapMessage}: body is the typed map encoding of {@code MapBodyCodec}. */
    MAP(3),
    /** {@link jakarta.jms.StreamMessage}: body is the typed value sequence of {@code StreamBodyCodec}. */
    STREAM(4),
    /** {@link jakarta.jms.ObjectMessage}: body is Java serialization of the object. */
    OBJECT(5);

    private final int code;

    BodyType(int code) {
        this.code = code;
    }

    /** The persistent code of this body type. */
    public int code() {
        return code;
    }

    /** The body type with the given persistent code. */
    public static BodyType ofCode(int code) {
        for (BodyType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown body type code " + code);
    }
}

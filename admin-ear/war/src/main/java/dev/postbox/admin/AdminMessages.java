package dev.postbox.admin;

import java.text.MessageFormat;

/**
 * The admin application's catalogue of logged and returned messages. Each has a stable ID
 * ({@code PBX-3xxx}); an ID is never reused for another meaning.
 */
public final class AdminMessages {

    private AdminMessages() {
    }

    /** A management operation failed on the server side (store error, broker down). */
    public static final String OPERATION_FAILED = "PBX-3001 Management operation {0} {1} failed: {2}";
    /** An unexpected failure in the admin application. */
    public static final String UNEXPECTED = "PBX-3002 Unexpected failure of {0} {1}: {2}";
    /** The management object is not bound. */
    public static final String NO_MANAGEMENT_OBJECT = "PBX-3010 No Postbox management object at JNDI name {0}"
            + " (create-admin-object --restype dev.postbox.jms.management.QueueManagement {0}): {1}";
    /** The management object does not manage users (an adapter older than the admin application). */
    public static final String NO_USER_MANAGEMENT = "PBX-3011 The Postbox management object at JNDI name {0} ({1})"
            + " does not manage users: deploy the resource adapter of the same Postbox version as the admin"
            + " application";
    /** A state-changing request without the admin header. */
    public static final String MISSING_ADMIN_HEADER = "PBX-3020 Refused {0} {1}: the X-Postbox-Admin header is"
            + " missing (changes are accepted only from the admin page or scripts that send it)";
    /** A state-changing request with another body type. */
    public static final String NOT_JSON = "PBX-3021 Refused {0} {1}: the body must be application/json, not {2}";
    /** An operator changed something (audit trail). */
    public static final String AUDIT = "PBX-3100 Admin {0}: {1}";

    /** The text of a message with its arguments. */
    public static String format(String message, Object... arguments) {
        return new MessageFormat(message.replace("'", "''")).format(arguments);
    }
}

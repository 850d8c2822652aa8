package dev.postbox.ra;

/**
 * The resource adapter's catalogue of warning and error messages. Each has a stable ID ({@code PBX-2xxx});
 * an ID is never reused for another meaning.
 */
public final class RaMessages {

    private RaMessages() {
    }

    /** The adapter started. */
    public static final String STARTED = "PBX-2000 Postbox resource adapter started on data source {0} ({1})";
    /** No data source at the configured JNDI name. */
    public static final String NO_DATA_SOURCE = "PBX-2001 No JDBC resource is bound at JNDI name \"{0}\""
            + " (resource adapter property dataSourceJndiName). Create it (asadmin create-jdbc-resource) before"
            + " deploying the Postbox adapter, or set dataSourceJndiName to an existing one.";
    /** The database cannot be reached. */
    public static final String DATABASE_UNREACHABLE = "PBX-2002 The Postbox message store on data source \"{0}\""
            + " cannot be reached: {1}. Nothing was changed in the database.";
    /** The store refused to start (schema, unsupported database). */
    public static final String STORE_FAILED = "PBX-2003 The Postbox message store on data source \"{0}\" could not"
            + " be opened: {1}. Nothing was changed in the database.";
    /** Invalid adapter configuration. */
    public static final String INVALID_CONFIGURATION = "PBX-2004 Invalid Postbox resource adapter configuration: {0}";
    /** The adapter stopped. */
    public static final String STOPPED = "PBX-2009 Postbox resource adapter stopped";
    /** An endpoint was activated. */
    public static final String ACTIVATED = "PBX-2010 Message endpoint activated on {0} (maxSession {1})";
    /** An endpoint was deactivated. */
    public static final String DEACTIVATED = "PBX-2011 Message endpoint deactivated on {0}";
    /** Delivery to an endpoint failed. */
    public static final String DELIVERY_FAILED = "PBX-2020 Delivery of message {0} to the endpoint on {1} failed;"
            + " it will be redelivered or dead-lettered: {2}";
    /** The store failed while an activation looked for messages. */
    public static final String ACTIVATION_STORE_FAILURE = "PBX-2021 Endpoint on {0} cannot read messages, retrying in"
            + " {1} ms: {2}";
    /** A work item was rejected by the server. */
    public static final String WORK_REJECTED = "PBX-2022 The server rejected delivery work for {0}: {1}";
    /** The endpoint refused to give an instance (createEndpoint failed). */
    public static final String ENDPOINT_UNAVAILABLE = "PBX-2026 The endpoint on {0} is unavailable, retrying in {1}"
            + " ms: {2}";
    /** An admin object was given an invalid destination name ({0}: queue or topic). */
    public static final String INVALID_ADMIN_OBJECT_NAME = "PBX-2050 Invalid {0} admin object property name: {1}";
    /** A physical connection failed. */
    public static final String CONNECTION_ERROR = "PBX-2030 Pooled Postbox connection failed and is discarded: {0}";
}

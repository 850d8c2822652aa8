package dev.postbox.jms.client;

import jakarta.jms.IllegalStateException;

/**
 * The messaging domain a legacy domain-specific object was created for. A {@code QueueSession} or
 * {@code QueueConnection} must refuse the publish/subscribe methods it inherits, a {@code TopicSession}
 * the point-to-point ones (section 9.2, table 9-1); objects of the classic API accept both.
 */
enum MessagingDomain {

    /** Classic API object: both domains. */
    BOTH,
    /** Created as a {@code QueueSession} or {@code QueueConnection}. */
    POINT_TO_POINT,
    /** Created as a {@code TopicSession}. */
    PUBLISH_SUBSCRIBE;

    /** Throws unless an object of this domain may call a point-to-point method. */
    void checkPointToPoint(String method) throws IllegalStateException {
        if (this == PUBLISH_SUBSCRIBE) {
            throw new IllegalStateException(method + "() must not be called on a TopicSession");
        }
    }

    /** Throws unless an object of this domain may call a publish/subscribe method. */
    void checkPublishSubscribe(String method, String objectKind) throws IllegalStateException {
        if (this == POINT_TO_POINT) {
            throw new IllegalStateException(method + "() must not be called on a " + objectKind);
        }
    }
}

package dev.postbox.ra.inbound;

import dev.postbox.jms.PostboxDestination;
import dev.postbox.jms.selector.Selector;
import dev.postbox.jms.spi.InboundConsumer;
import dev.postbox.jms.store.DestinationPolicy;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.Session;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.beans.IntrospectionException;
import java.beans.PropertyDescriptor;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * How a message-driven bean consumes from Postbox: set through {@code @ActivationConfigProperty}
 * (with {@code resourceAdapter=postbox}). {@link #validate()} reports every bad property at once.
 */
public class PostboxActivationSpec implements ActivationSpec, Serializable {

    private static final long serialVersionUID = 1L;

    /** Default {@link #setMaxSession maxSession}. */
    public static final int DEFAULT_MAX_SESSION = 15;

    private String destination;
    private String destinationLookup;
    private String destinationType = "jakarta.jms.Queue";
    private String messageSelector;
    private String acknowledgeMode = "Auto-acknowledge";
    private Integer maxSession = DEFAULT_MAX_SESSION;
    private Integer maxDeliveryAttempts;
    private Long redeliveryDelay;
    private Double redeliveryMultiplier;
    private Long maxRedeliveryDelay;
    private String deadLetterQueue;
    private String subscriptionDurability = "NonDurable";
    private String subscriptionName;
    private String clientId;
    private Boolean shareSubscriptions = Boolean.FALSE;
    private String user;
    private String password;
    private transient ResourceAdapter resourceAdapter;

    @Override
    public void validate() throws InvalidPropertyException {
        List<String> problems = new ArrayList<>();
        List<PropertyDescriptor> bad = new ArrayList<>();
        check(problems, bad, "destination", destinationProblem());
        check(problems, bad, "destinationType", isQueue() || isTopic() ? null
                : "destinationType must be jakarta.jms.Queue or jakarta.jms.Topic, not \"" + destinationType + "\"");
        check(problems, bad, "messageSelector", selectorProblem());
        check(problems, bad, "acknowledgeMode", sessionMode() >= 0 ? null
                : "acknowledgeMode must be Auto-acknowledge or Dups-ok-acknowledge, not \"" + acknowledgeMode + "\"");
        check(problems, bad, "maxSession", maxSession != null && maxSession >= 1 ? null
                : "maxSession must be at least 1, not " + maxSession);
        check(problems, bad, "maxDeliveryAttempts", maxDeliveryAttempts == null || maxDeliveryAttempts >= 0 ? null
                : "maxDeliveryAttempts must be 0 (unlimited) or more, not " + maxDeliveryAttempts);
        check(problems, bad, "redeliveryDelay", redeliveryDelay == null || redeliveryDelay >= 0 ? null
                : "redeliveryDelay must not be negative, not " + redeliveryDelay);
        check(problems, bad, "redeliveryMultiplier", redeliveryMultiplier == null || redeliveryMultiplier >= 1.0
                ? null : "redeliveryMultiplier must be at least 1.0, not " + redeliveryMultiplier);
        check(problems, bad, "maxRedeliveryDelay", maxRedeliveryDelay == null || maxRedeliveryDelay >= 0 ? null
                : "maxRedeliveryDelay must not be negative, not " + maxRedeliveryDelay);
        check(problems, bad, "deadLetterQueue", deadLetterQueue == null || deadLetterQueue.isEmpty() ? null
                : PostboxDestination.nameProblem(deadLetterQueue));
        check(problems, bad, "subscriptionDurability", "Durable".equals(subscriptionDurability)
                || "NonDurable".equals(subscriptionDurability) ? null
                : "subscriptionDurability must be Durable or NonDurable, not \"" + subscriptionDurability + "\"");
        check(problems, bad, "subscriptionName", isTopic() && "Durable".equals(subscriptionDurability)
                && (subscriptionName == null || subscriptionName.isBlank())
                ? "subscriptionName must be set for a durable topic subscription" : null);
        if (!problems.isEmpty()) {
            InvalidPropertyException e = new InvalidPropertyException("PBX-2040 Invalid Postbox activation"
                    + " properties: " + String.join("; ", problems));
            e.setInvalidPropertyDescriptors(bad.toArray(new PropertyDescriptor[0]));
            throw e;
        }
    }

    private String destinationProblem() {
        if ((destination == null || destination.isBlank()) && (destinationLookup == null || destinationLookup.isBlank())) {
            return "destination (a queue or topic name) or destinationLookup (a JNDI name) must be set";
        }
        if (destination != null && !destination.isBlank()) {
            String problem = PostboxDestination.nameProblem(destination);
            return problem == null ? null : "destination: " + problem;
        }
        return null;
    }

    private String selectorProblem() {
        try {
            Selector.parse(messageSelector);
            return null;
        } catch (InvalidSelectorException e) {
            return "messageSelector: " + e.getMessage();
        }
    }

    private void check(List<String> problems, List<PropertyDescriptor> bad, String property, String problem) {
        if (problem == null) {
            return;
        }
        problems.add(problem);
        try {
            bad.add(new PropertyDescriptor(property, PostboxActivationSpec.class));
        } catch (IntrospectionException e) {
            throw new IllegalStateException("Activation property " + property + " has no accessors", e);
        }
    }

    /** True for a queue activation. */
    public boolean isQueue() {
        return "jakarta.jms.Queue".equals(destinationType) || "javax.jms.Queue".equals(destinationType);
    }

    /** True for a topic activation. */
    public boolean isTopic() {
        return "jakarta.jms.Topic".equals(destinationType) || "javax.jms.Topic".equals(destinationType);
    }

    /** The session mode for non-transacted delivery, or -1 when the property is invalid. */
    public int sessionMode() {
        if (acknowledgeMode == null || "Auto-acknowledge".equalsIgnoreCase(acknowledgeMode)
                || "AUTO_ACKNOWLEDGE".equalsIgnoreCase(acknowledgeMode)) {
            return Session.AUTO_ACKNOWLEDGE;
        }
        if ("Dups-ok-acknowledge".equalsIgnoreCase(acknowledgeMode)
                || "DUPS_OK_ACKNOWLEDGE".equalsIgnoreCase(acknowledgeMode)) {
            return Session.DUPS_OK_ACKNOWLEDGE;
        }
        return -1;
    }

    /** How a topic endpoint subscribes. */
    public InboundConsumer.TopicSubscription topicSubscription() {
        return new InboundConsumer.TopicSubscription("Durable".equals(subscriptionDurability),
                subscriptionName == null || subscriptionName.isBlank() ? null : subscriptionName,
                clientId == null || clientId.isBlank() ? null : clientId, Boolean.TRUE.equals(shareSubscriptions));
    }

    /** The endpoint's redelivery settings. */
    public DestinationPolicy redeliveryOverrides() {
        return new DestinationPolicy(maxDeliveryAttempts, redeliveryDelay, redeliveryMultiplier, maxRedeliveryDelay,
                deadLetterQueue, null);
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        this.resourceAdapter = ra;
    }

    // ----- properties -----

    /** Queue or topic name. */
    public String getDestination() {
        return destination;
    }

    /** Sets the queue or topic name. */
    public void setDestination(String destination) {
        this.destination = destination;
    }

    /** JNDI name of a Queue or Topic administered object (alternative to destination). */
    public String getDestinationLookup() {
        return destinationLookup;
    }

    /** Sets the JNDI name of a Queue or Topic administered object. */
    public void setDestinationLookup(String destinationLookup) {
        this.destinationLookup = destinationLookup;
    }

    /** jakarta.jms.Queue or jakarta.jms.Topic. */
    public String getDestinationType() {
        return destinationType;
    }

    /** Sets jakarta.jms.Queue or jakarta.jms.Topic. */
    public void setDestinationType(String destinationType) {
        this.destinationType = destinationType;
    }

    /** Message selector, or null. */
    public String getMessageSelector() {
        return messageSelector;
    }

    /** Sets the message selector. */
    public void setMessageSelector(String messageSelector) {
        this.messageSelector = messageSelector;
    }

    /** Auto-acknowledge or Dups-ok-acknowledge (non-transacted delivery only). */
    public String getAcknowledgeMode() {
        return acknowledgeMode;
    }

    /** Sets Auto-acknowledge or Dups-ok-acknowledge. */
    public void setAcknowledgeMode(String acknowledgeMode) {
        this.acknowledgeMode = acknowledgeMode;
    }

    /** Most concurrent deliveries to this endpoint. */
    public Integer getMaxSession() {
        return maxSession;
    }

    /** Sets the most concurrent deliveries to this endpoint. */
    public void setMaxSession(Integer maxSession) {
        this.maxSession = maxSession;
    }

    /** Deliveries before dead-lettering, overriding the queue's (0 = unlimited). */
    public Integer getMaxDeliveryAttempts() {
        return maxDeliveryAttempts;
    }

    /** Sets the deliveries before dead-lettering. */
    public void setMaxDeliveryAttempts(Integer maxDeliveryAttempts) {
        this.maxDeliveryAttempts = maxDeliveryAttempts;
    }

    /** Delay before the first redelivery, in milliseconds. */
    public Long getRedeliveryDelay() {
        return redeliveryDelay;
    }

    /** Sets the delay before the first redelivery, in milliseconds. */
    public void setRedeliveryDelay(Long redeliveryDelay) {
        this.redeliveryDelay = redeliveryDelay;
    }

    /** Growth factor of the redelivery delay. */
    public Double getRedeliveryMultiplier() {
        return redeliveryMultiplier;
    }

    /** Sets the growth factor of the redelivery delay. */
    public void setRedeliveryMultiplier(Double redeliveryMultiplier) {
        this.redeliveryMultiplier = redeliveryMultiplier;
    }

    /** Upper bound of the redelivery delay, in milliseconds. */
    public Long getMaxRedeliveryDelay() {
        return maxRedeliveryDelay;
    }

    /** Sets the upper bound of the redelivery delay, in milliseconds. */
    public void setMaxRedeliveryDelay(Long maxRedeliveryDelay) {
        this.maxRedeliveryDelay = maxRedeliveryDelay;
    }

    /** Dead-letter queue name, overriding the queue's. */
    public String getDeadLetterQueue() {
        return deadLetterQueue;
    }

    /** Sets the dead-letter queue name. */
    public void setDeadLetterQueue(String deadLetterQueue) {
        this.deadLetterQueue = deadLetterQueue;
    }

    /** Durable or NonDurable (topics). */
    public String getSubscriptionDurability() {
        return subscriptionDurability;
    }

    /** Sets Durable or NonDurable (topics). */
    public void setSubscriptionDurability(String subscriptionDurability) {
        this.subscriptionDurability = subscriptionDurability;
    }

    /** Subscription name (durable or shared topics). */
    public String getSubscriptionName() {
        return subscriptionName;
    }

    /** Sets the subscription name. */
    public void setSubscriptionName(String subscriptionName) {
        this.subscriptionName = subscriptionName;
    }

    /** Client identifier (topics). */
    public String getClientId() {
        return clientId;
    }

    /** Sets the client identifier. */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    /** Whether instances share one subscription (topics). */
    public Boolean getShareSubscriptions() {
        return shareSubscriptions;
    }

    /** Sets whether instances share one subscription. */
    public void setShareSubscriptions(Boolean shareSubscriptions) {
        this.shareSubscriptions = shareSubscriptions;
    }

    /** User the endpoint authenticates as when the adapter requires authentication. */
    public String getUser() {
        return user;
    }

    /** Sets the user the endpoint authenticates as. */
    public void setUser(String user) {
        this.user = user;
    }

    /** Password of {@link #getUser() the user}. */
    public String getPassword() {
        return password;
    }

    /** Sets the password of the user. */
    public void setPassword(String password) {
        this.password = password;
    }

    /** The destination name or lookup, for logs. */
    public String describeDestination() {
        return destination != null ? destination : destinationLookup;
    }

    @Override
    public String toString() {
        return "PostboxActivationSpec[destination=" + describeDestination() + ", type=" + destinationType
                + ", maxSession=" + maxSession + "]";
    }
}

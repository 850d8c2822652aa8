package dev.postbox.jms.engine;

import dev.postbox.jms.store.DestinationPolicy;
import dev.postbox.jms.store.DestinationRecord;

/**
 * What a consumer reads: a queue or subscription, and an optional filter.
 *
 * @param destination the queue or subscription (must hold messages)
 * @param filter the selector/noLocal filter, {@link MessageFilter#ALL} for none
 * @param overrides the consumer's own redelivery settings (an MDB activation's), overriding the
 *     destination's; {@link DestinationPolicy#DEFAULTS} for none
 */
public record ConsumerSpec(DestinationRecord destination, MessageFilter filter, DestinationPolicy overrides) {

    /** Checks that the destination holds messages. */
    public ConsumerSpec {
        if (!destination.holdsMessages()) {
            throw new IllegalArgumentException("Cannot consume from " + destination.kind() + " " + destination.name());
        }
    }

    /** A consumer without redelivery overrides. */
    public ConsumerSpec(DestinationRecord destination, MessageFilter filter) {
        this(destination, filter, DestinationPolicy.DEFAULTS);
    }

    /** True when every message is wanted (the fast claim path applies). */
    public boolean unfiltered() {
        return filter == MessageFilter.ALL;
    }
}

package dev.postbox.ra.inbound;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.ra.PostboxResourceAdapter;
import dev.postbox.ra.testing.ServerEnvironment;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.beans.PropertyDescriptor;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link PostboxActivationSpec#validate()} and what endpointActivation accepts. */
@Timeout(60)
class PostboxActivationSpecTest {

    @Test
    void everyBadPropertyIsReportedAtOnceInTheMessageAndTheDescriptors() {
        PostboxActivationSpec spec = new PostboxActivationSpec();
        spec.setDestination("bad name!");
        spec.setDestinationType("jakarta.jms.Mailbox");
        spec.setMessageSelector("price >");
        spec.setAcknowledgeMode("Client-acknowledge");
        spec.setMaxSession(0);
        spec.setMaxDeliveryAttempts(-1);
        spec.setRedeliveryDelay(-5L);
        spec.setRedeliveryMultiplier(0.5);
        spec.setMaxRedeliveryDelay(-1L);
        spec.setDeadLetterQueue("#dlq");
        spec.setSubscriptionDurability("Forever");

        InvalidPropertyException e = assertThrows(InvalidPropertyException.class, spec::validate);

        Set<String> expected = Set.of("destination", "destinationType", "messageSelector", "acknowledgeMode",
                "maxSession", "maxDeliveryAttempts", "redeliveryDelay", "redeliveryMultiplier", "maxRedeliveryDelay",
                "deadLetterQueue", "subscriptionDurability");
        assertEquals(expected, names(e.getInvalidPropertyDescriptors()));
        assertTrue(e.getMessage().startsWith("PBX-2040"), e.getMessage());
        for (String fragment : new String[] {"bad name!", "jakarta.jms.Mailbox", "messageSelector",
                "Client-acknowledge", "maxSession", "maxDeliveryAttempts", "redeliveryDelay", "redeliveryMultiplier",
                "maxRedeliveryDelay", "#dlq", "Forever"}) {
            assertTrue(e.getMessage().contains(fragment), fragment + " in: " + e.getMessage());
        }
    }

    @Test
    void aSpecWithoutDestinationOrLookupNamesTheDestination() {
        PostboxActivationSpec spec = new PostboxActivationSpec();

        InvalidPropertyException e = assertThrows(InvalidPropertyException.class, spec::validate);

        assertEquals(Set.of("destination"), names(e.getInvalidPropertyDescriptors()));
    }

    @Test
    void aNullMaxSessionIsReportedNotThrownAsANullPointer() {
        PostboxActivationSpec spec = new PostboxActivationSpec();
        spec.setDestination("orders");
        spec.setMaxSession(null);

        InvalidPropertyException e = assertThrows(InvalidPropertyException.class, spec::validate);

        assertEquals(Set.of("maxSession"), names(e.getInvalidPropertyDescriptors()));
    }

    @Test
    void goodSpecsPass() {
        PostboxActivationSpec byName = new PostboxActivationSpec();
        byName.setDestination("orders.in");
        assertDoesNotThrow(byName::validate);

        PostboxActivationSpec byLookup = new PostboxActivationSpec();
        byLookup.setDestinationLookup("java:app/jms/orders");
        byLookup.setAcknowledgeMode("Dups-ok-acknowledge");
        byLookup.setMessageSelector("priority > 4 AND region = 'eu'");
        byLookup.setMaxSession(1);
        byLookup.setMaxDeliveryAttempts(0);
        byLookup.setRedeliveryDelay(0L);
        byLookup.setRedeliveryMultiplier(1.0);
        byLookup.setDeadLetterQueue("orders.dead");
        assertDoesNotThrow(byLookup::validate);

        PostboxActivationSpec legacyType = new PostboxActivationSpec();
        legacyType.setDestination("orders");
        legacyType.setDestinationType("javax.jms.Queue");
        legacyType.setAcknowledgeMode("AUTO_ACKNOWLEDGE");
        assertDoesNotThrow(legacyType::validate);
    }

    @Test
    void endpointActivationRefusesAForeignSpecWithNotSupported() throws Exception {
        try (ServerEnvironment server = ServerEnvironment.create()) {
            PostboxResourceAdapter adapter = server.start();

            NotSupportedException e = assertThrows(NotSupportedException.class,
                    () -> adapter.endpointActivation(server.endpointFactory(), new ForeignSpec()));

            assertTrue(e.getMessage().contains(ForeignSpec.class.getName()), e.getMessage());
        }
    }

    @Test
    void endpointActivationValidatesTheSpecBeforeAnythingStarts() throws Exception {
        try (ServerEnvironment server = ServerEnvironment.create()) {
            PostboxResourceAdapter adapter = server.start();
            PostboxActivationSpec spec = ServerEnvironment.queueSpec(adapter, "ok");
            spec.setMaxSession(-3);
            int worksBefore = server.workManager().scheduledCount();

            InvalidPropertyException e = assertThrows(InvalidPropertyException.class,
                    () -> adapter.endpointActivation(server.endpointFactory(), spec));

            assertEquals(Set.of("maxSession"), names(e.getInvalidPropertyDescriptors()));
            assertEquals(worksBefore, server.workManager().scheduledCount(), "no delivery work was started");
        }
    }

    @Test
    void aDestinationLookupThatIsNotBoundFailsTheActivationWithPbx2043() throws Exception {
        try (ServerEnvironment server = ServerEnvironment.create()) {
            PostboxResourceAdapter adapter = server.start();
            PostboxActivationSpec spec = new PostboxActivationSpec();
            spec.setDestinationLookup("jms/nowhere");
            spec.setResourceAdapter(adapter);

            ResourceException e = assertThrows(ResourceException.class,
                    () -> adapter.endpointActivation(server.endpointFactory(), spec));

            assertTrue(e.getMessage().contains("PBX-2043") && e.getMessage().contains("jms/nowhere"), e.getMessage());
        }
    }

    private static Set<String> names(PropertyDescriptor[] descriptors) {
        return Arrays.stream(descriptors).map(PropertyDescriptor::getName).collect(Collectors.toSet());
    }

    /** An activation spec of another adapter. */
    static final class ForeignSpec implements ActivationSpec {
        private ResourceAdapter adapter;

        @Override
        public void validate() {
            // valid by definition
        }

        @Override
        public ResourceAdapter getResourceAdapter() {
            return adapter;
        }

        @Override
        public void setResourceAdapter(ResourceAdapter ra) {
            this.adapter = ra;
        }
    }
}

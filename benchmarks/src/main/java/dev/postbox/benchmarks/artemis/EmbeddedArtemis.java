package dev.postbox.benchmarks.artemis;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.utils.VersionLoader;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An in-process Artemis broker with an in-VM acceptor, persistence on, security off, and otherwise its
 * defaults; the store is configured by the caller. Clients connect over {@code vm://0} with blocking durable
 * sends (the default) and blocking acknowledgements (not the default: see the module README).
 */
final class EmbeddedArtemis {

    private static final String IN_VM = "vm://0";

    private final ActiveMQServer server;
    private final ActiveMQConnectionFactory factory;

    private EmbeddedArtemis(ActiveMQServer server, ActiveMQConnectionFactory factory) {
        this.server = server;
        this.factory = factory;
    }

    static EmbeddedArtemis start(Path dir, Consumer<ConfigurationImpl> store) throws Exception {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("bench");
        config.setPersistenceEnabled(true);
        config.setSecurityEnabled(false);
        config.setJMXManagementEnabled(false);
        config.addAcceptorConfiguration("in-vm", IN_VM);
        config.setJournalDirectory(dir.resolve("journal").toString());
        config.setBindingsDirectory(dir.resolve("bindings").toString());
        config.setPagingDirectory(dir.resolve("paging").toString());
        config.setLargeMessagesDirectory(dir.resolve("large-messages").toString());
        config.setNodeManagerLockDirectory(dir.resolve("lock").toString());
        store.accept(config);
        ActiveMQServer server = ActiveMQServers.newActiveMQServer(config);
        server.start();
        if (!server.waitForActivation(60, TimeUnit.SECONDS)) {
            server.stop();
            throw new IllegalStateException("Artemis did not activate within 60 s");
        }
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(IN_VM);
        factory.setBlockOnDurableSend(true);
        factory.setBlockOnAcknowledge(true);
        return new EmbeddedArtemis(server, factory);
    }

    static String version() {
        return VersionLoader.getVersion().getFullVersion();
    }

    ActiveMQConnectionFactory connectionFactory() {
        return factory;
    }

    /** The configuration as the server runs it (it rewrites the journal type when AIO is unavailable). */
    Configuration configuration() {
        return server.getConfiguration();
    }

    void prepareQueue(String name) throws Exception {
        if (server.locateQueue(name) == null) {
            server.createQueue(QueueConfiguration.of(name)
                    .setAddress(name)
                    .setRoutingType(RoutingType.ANYCAST)
                    .setDurable(true)
                    .setAutoCreateAddress(true));
        }
    }

    void purge(String name) throws Exception {
        Queue queue = server.locateQueue(name);
        if (queue != null) {
            queue.deleteAllReferences();
        }
    }

    void stop() throws Exception {
        try {
            factory.close();
        } finally {
            server.stop();
        }
    }
}

package dev.postbox.benchmarks.artemis;

import dev.postbox.benchmarks.system.Directories;
import dev.postbox.benchmarks.system.JmsBenchmarkSystem;
import dev.postbox.benchmarks.system.SystemContext;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.server.JournalType;

import java.util.Optional;

/**
 * Embedded Artemis with its own file journal, asking for AIO (the harness puts libartemis-native on
 * {@code java.library.path}); Artemis silently falls back to NIO when AIO is unavailable, and
 * {@link #description()} reports the journal it actually ran. Journal settings are the defaults: sync on
 * transactional and non-transactional writes, datasync on.
 */
public final class ArtemisJournalSystem implements JmsBenchmarkSystem {

    /** {@code ASYNCIO} (default) or {@code NIO}, to measure the NIO journal on purpose. */
    static final String JOURNAL_PROPERTY = "bench.artemis.journal";

    private EmbeddedArtemis broker;

    @Override
    public String name() {
        return "artemis-journal";
    }

    @Override
    public String description() {
        Configuration c = broker.configuration();
        JournalType type = c.getJournalType();
        int bufferTimeoutNanos = type == JournalType.ASYNCIO
                ? c.getJournalBufferTimeout_AIO() : c.getJournalBufferTimeout_NIO();
        return "ActiveMQ Artemis " + EmbeddedArtemis.version() + " embedded (in-VM), file journal=" + label(type)
                + " (requested " + label(requested()) + "; sync transactional=" + c.isJournalSyncTransactional()
                + ", non-transactional=" + c.isJournalSyncNonTransactional() + ", datasync=" + c.isJournalDatasync()
                + ", buffer timeout " + bufferTimeoutNanos / 1000 + " µs), blockOnDurableSend=true, "
                + "blockOnAcknowledge=true";
    }

    @Override
    public void start(SystemContext context, boolean keepState) throws Exception {
        if (!keepState) {
            Directories.recreate(context.workDirectory());
        }
        broker = EmbeddedArtemis.start(context.workDirectory(), config -> config.setJournalType(requested()));
    }

    @Override
    public ConnectionFactory connectionFactory() {
        return broker.connectionFactory();
    }

    @Override
    public void prepareQueue(String queue) throws Exception {
        broker.prepareQueue(queue);
    }

    @Override
    public void purge(String queue) throws Exception {
        broker.purge(queue);
    }

    @Override
    public void stop() throws Exception {
        if (broker != null) {
            broker.stop();
        }
    }

    @Override
    public Optional<String> database() {
        return Optional.empty();
    }

    private static JournalType requested() {
        return JournalType.valueOf(System.getProperty(JOURNAL_PROPERTY, JournalType.ASYNCIO.name()));
    }

    private static String label(JournalType type) {
        return type == JournalType.ASYNCIO ? "AIO" : type.name();
    }
}

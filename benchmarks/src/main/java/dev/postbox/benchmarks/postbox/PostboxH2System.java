package dev.postbox.benchmarks.postbox;

import dev.postbox.benchmarks.system.Directories;
import dev.postbox.benchmarks.system.SystemContext;
import java.util.Optional;

/** Postbox on its embedded default: an H2 file database in the system's work directory. */
public final class PostboxH2System extends PostboxSystem {

    @Override
    public String name() {
        return "postbox-h2";
    }

    @Override
    public String description() {
        return "Postbox " + version() + " (Java SE connection factory, " + settings() + ") on embedded H2 (file"
                + " database, every commit written)";
    }

    @Override
    String prepareStore(SystemContext context, boolean keepState) throws Exception {
        if (!keepState) {
            Directories.recreate(context.workDirectory());
        }
        return "jdbc:h2:" + context.workDirectory().resolve("postbox").toAbsolutePath();
    }

    @Override
    public Optional<String> database() {
        return Optional.empty();
    }
}

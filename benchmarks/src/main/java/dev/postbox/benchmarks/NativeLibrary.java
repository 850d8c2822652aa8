package dev.postbox.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Artemis loads its AIO journal library with {@code System.loadLibrary("artemis-native-64")} only, and falls
 * back to NIO without a word when that fails. The library ships inside {@code activemq-artemis-native}; this
 * copies it out so the child JVMs can get it on {@code java.library.path}. It needs {@code libaio.so.1}
 * (Debian: {@code libaio1}).
 */
final class NativeLibrary {

    private static final String RESOURCE = "lib/linux-x86_64/libartemis-native-64.so";

    private NativeLibrary() {
    }

    /** The directory holding the extracted library, or empty where there is none for this platform. */
    static Optional<Path> extractArtemisNative(Path directory) throws IOException {
        String arch = System.getProperty("os.arch");
        if (!System.getProperty("os.name").startsWith("Linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return Optional.empty();
        }
        try (InputStream in = NativeLibrary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            Files.createDirectories(directory);
            Files.copy(in, directory.resolve("libartemis-native-64.so"), StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(directory);
        }
    }
}

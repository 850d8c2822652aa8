package dev.postbox.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A misconfigured adapter fails its deployment with a message that names the problem. Runs a real Payara
 * Micro (once, in the H2 run) with two adapters whose stores are unusable.
 */
@Timeout(300)
@EnabledIfSystemProperty(named = "arquillian.launch", matches = "payara-h2")
class AdapterConfigurationIT {

    private static final Path TARGET = Path.of("target");
    private Process payara;

    @AfterEach
    void stop() throws InterruptedException {
        if (payara != null) {
            payara.destroy();
            payara.waitFor();
        }
    }

    @Test
    void aMissingOrUnreachableDataSourceFailsTheDeploymentNamingTheProblem() throws IOException {
        Path log = TARGET.resolve("adapter-config-payara.log");
        payara = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", TARGET.resolve("runtime/payara-micro.jar").toString(), "--nocluster", "--port", "18080",
                "--addlibs", TARGET.resolve("runtime/postgresql.jar").toString(),
                "--postbootcommandfile", TARGET.resolve("test-classes/adapter-config/bad-data-sources.asadmin").toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Files.readString(log).contains("Payara Micro") && Files.readString(log).contains("ready in"));
        String output = Files.readString(log);
        assertTrue(output.contains("PBX-2001 No JDBC resource is bound at JNDI name \"jdbc/missing\""),
                "missing data source named in the log");
        assertTrue(output.contains("PBX-2002 The Postbox message store on data source \"jdbc/unreachable\" cannot be"
                + " reached"), "unreachable database named in the log");
        assertTrue(output.contains("Nothing was changed in the database"), "says nothing was changed");
    }
}

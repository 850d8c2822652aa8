package dev.postbox.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postbox.it.badmdb.MisconfiguredListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A misconfigured adapter, or an MDB with bad activation properties, fails its deployment with a message that
 * names the problem. Runs one real Payara Micro (in the H2 run) with two adapters whose stores are unusable,
 * a working one, and an application whose MDB is misconfigured.
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
    void badAdapterAndActivationPropertiesFailTheirDeploymentsNamingTheProblem() throws IOException {
        Path log = TARGET.resolve("adapter-config-payara.log");
        Path misconfigured = TARGET.resolve("misconfigured-mdb.war");
        ShrinkWrap.create(WebArchive.class, "misconfigured-mdb.war").addClass(MisconfiguredListener.class)
                .as(ZipExporter.class).exportTo(misconfigured.toFile(), true);
        payara = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", TARGET.resolve("runtime/payara-micro.jar").toString(), "--nocluster", "--port", "18080",
                "--addlibs", TARGET.resolve("runtime/postgresql.jar").toString(),
                "--postbootcommandfile", TARGET.resolve("test-classes/adapter-config/bad-data-sources.asadmin").toString(),
                "--deploy", misconfigured.toString()))
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
        assertTrue(output.contains("PBX-2040 Invalid Postbox activation properties"), "bad MDB reported");
        for (String property : List.of("acknowledgeMode must be", "maxSession must be at least 1, not 0",
                "redeliveryMultiplier must be at least 1.0, not 0.5")) {
            assertTrue(output.contains(property), "the deployment failure names " + property);
        }
        assertFalse(output.contains("misconfigured-mdb  misconfigured-mdb"), "the misconfigured application is not"
                + " listed as deployed");
    }
}

package dev.postbox.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.postbox.it.support.AdminClient;
import dev.postbox.it.support.AdminClient.Answer;
import dev.postbox.jms.PostboxConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real admin WAR on Payara Micro, talking to the adapter's management object: the REST API (listing,
 * errors, CSRF guard, policies, browse, retry, purge, users) and the web UI in headless Chromium. Messages
 * are put on the queues by a Java SE Postbox node sharing the server's PostgreSQL database, so those tests
 * run only on PostgreSQL (on H2 the server's database is its own file).
 */
@ExtendWith(ArquillianExtension.class)
class AdminApplicationIT {

    private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/postbox_it?user=postgres";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Deployment(testable = false)
    static WebArchive adminApplication() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("../admin-ear/war/target/postbox-admin.war"));
    }

    @ArquillianResource
    URL base;

    private static boolean onPostgres() {
        return "payara-pg".equals(System.getProperty("arquillian.launch"));
    }

    @Test
    void theRestApiManagesQueuesAndAnswersEveryErrorAsJson() throws Exception {
        AdminClient api = new AdminClient(base);
        assertEquals(200, api.get("api/queues").status());
        Answer forged = api.send("POST", "api/queues", "{\"name\": \"it.admin.forged\"}", false);
        assertEquals(403, forged.status());
        assertTrue(forged.error().startsWith("PBX-3020"), forged.error());
        assertEquals(415, api.sendAs("POST", "api/queues", "name=x", "application/x-www-form-urlencoded").status());

        Answer created = api.post("api/queues",
                "{\"name\": \"it.admin.rest\", \"policy\": {\"maxDeliveryAttempts\": 4}}");
        assertEquals(200, created.status(), created.body());
        assertEquals(4, created.json().getJsonObject("policy").getInt("maxDeliveryAttempts"));
        Answer twice = api.post("api/queues", "{\"name\": \"it.admin.rest\"}");
        assertEquals(409, twice.status());
        assertEquals("Queue it.admin.rest exists already", twice.error());
        assertEquals(400, api.post("api/queues", "{\"name\": \"two words\"}").status());
        assertEquals(400, api.post("api/queues", "{\"name\": ").status(), "malformed JSON");
        assertEquals(404, api.get("api/queues/it.admin.nope").status());
        assertEquals("Queue it.admin.nope does not exist", api.get("api/queues/it.admin.nope").error());

        assertEquals(400, api.send("PUT", "api/queues/it.admin.rest/policy", "{\"redeliveryMultiplier\": 0.5}", true)
                .status());
        Answer policy = api.send("PUT", "api/queues/it.admin.rest/policy",
                "{\"maxDeliveryAttempts\": 2, \"deadLetterQueue\": \"it.admin.failed\"}", true);
        assertEquals(200, policy.status(), policy.body());
        assertEquals("it.admin.failed", policy.json().getString("deadLetterQueue"));
        assertEquals(0, api.get("api/queues/it.admin.rest/messages").json().getJsonArray("messages").size());
        assertEquals(400, api.get("api/queues/it.admin.rest/messages?limit=ten").status());
        assertEquals(404, api.get("api/queues/it.admin.rest/messages/987654321").status());
        assertEquals(0, api.post("api/queues/it.admin.rest/purge", "{}").json().getInt("purged"));
        assertEquals(400, api.post("api/queues/it.admin.rest/retry", "{}").status());

        assertEquals(200, api.get("api/topics").status());
        JsonArray nodes = api.get("api/nodes").jsonArray();
        assertTrue(nodes.stream().anyMatch(n -> n.asJsonObject().getBoolean("self")), nodes.toString());
        assertEquals(204, api.send("DELETE", "api/queues/it.admin.rest", null, true).status());
        assertEquals(404, api.get("api/queues/it.admin.rest").status());
        Answer unknown = api.get("api/nothing-here");
        assertEquals(404, unknown.status());
        assertNotNull(unknown.error());
        String csp = api.get("").header("Content-Security-Policy");
        assertTrue(csp != null && csp.contains("script-src 'self'"), csp);
    }

    @Test
    void theRestApiCreatesChangesAndDeletesUsersWithoutShowingPasswords() throws Exception {
        AdminClient api = new AdminClient(base);
        String user = "api/users/it.admin.user";
        assertEquals(403, api.send("PUT", user, "{\"password\": \"first password\"}", false).status());

        Answer created = api.send("PUT", user, "{\"password\": \"first password\"}", true);
        assertEquals(200, created.status(), created.body());
        assertEquals("it.admin.user", created.json().getString("name"));
        Answer listed = api.get("api/users");
        assertEquals(200, listed.status());
        assertTrue(userNames(listed).contains("it.admin.user"), listed.body());
        listed.jsonArray().forEach(u -> assertEquals(Set.of("name"), u.asJsonObject().keySet(), listed.body()));
        assertEquals(200, api.send("PUT", user, "{\"password\": \"second password\"}", true).status());
        if (onPostgres()) {
            PostboxConnectionFactory secured = factory();
            secured.setRequireAuthentication(true);
            secured.createConnection("it.admin.user", "second password").close();
            assertThrows(JMSSecurityException.class, () -> secured.createConnection("it.admin.user", "first password"));
        }

        Answer tooShort = api.send("PUT", user, "{\"password\": \"short\"}", true);
        assertEquals(400, tooShort.status());
        assertEquals("A password must have at least 8 characters", tooShort.error());
        assertEquals(400, api.send("PUT", user, "{}", true).status());
        assertEquals(400, api.send("PUT", "api/users/%20", "{\"password\": \"long enough\"}", true).status());
        assertEquals(204, api.send("DELETE", user, null, true).status());
        Answer deletedTwice = api.send("DELETE", user, null, true);
        assertEquals(404, deletedTwice.status());
        assertEquals("User it.admin.user does not exist", deletedTwice.error());
        assertFalse(userNames(api.get("api/users")).contains("it.admin.user"));
    }

    @Test
    void browsesRetriesAndPurgesMessagesSentByAnotherNode() throws Exception {
        assumeTrue(onPostgres(), "needs the server's database (PostgreSQL run only)");
        AdminClient api = new AdminClient(base);
        api.post("api/queues", "{\"name\": \"it.admin.work\", \"policy\": {\"maxDeliveryAttempts\": 1}}");
        try (Connection connection = factory().createConnection()) {
            connection.start();
            send(connection, "it.admin.work", "w1", "w2", "w3");
            rollBackOne(connection, "it.admin.work");

            JsonArray work = api.get("api/queues/it.admin.work/messages?limit=2").json().getJsonArray("messages");
            assertEquals(2, work.size());
            assertEquals("w2", work.getJsonObject(0).getJsonObject("body").getString("content"));
            assertEquals("ACME", work.getJsonObject(0).getJsonArray("properties").getJsonObject(0).getString("value"));
            JsonObject dead = api.get("api/queues/it.admin.work.DLQ/messages").json().getJsonArray("messages")
                    .getJsonObject(0);
            assertEquals("it.admin.work", dead.getJsonObject("deadLetter").getString("origin"));
            String reason = dead.getJsonObject("deadLetter").getString("reason");
            assertTrue(reason.contains("after 1 delivery attempts"), reason);
            long deadId = dead.getJsonNumber("id").longValue();
            assertEquals("w1", api.get("api/queues/it.admin.work.DLQ/messages/" + deadId).json()
                    .getJsonObject("body").getString("content"));

            Answer retried = api.post("api/queues/it.admin.work.DLQ/retry", "{\"ids\": [" + deadId + "]}");
            assertEquals(1, retried.json().getInt("retried"), retried.body());
            assertEquals(3, api.get("api/queues/it.admin.work").json().getInt("depth"));
            assertEquals(0, api.get("api/queues/it.admin.work.DLQ").json().getInt("total"));

            // closing a session with an unacknowledged message is a failed attempt: allow more than one now
            assertEquals(200, api.send("PUT", "api/queues/it.admin.work/policy", "{\"maxDeliveryAttempts\": 5}", true)
                    .status());
            Session holding = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            Message held = holding.createConsumer(holding.createQueue("it.admin.work")).receive(10_000);
            assertNotNull(held);
            long heldId = api.get("api/queues/it.admin.work/messages").json().getJsonArray("messages").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(m -> m.getJsonObject("delivery").getString("state").equals("IN_FLIGHT"))
                    .findFirst().orElseThrow().getJsonNumber("id").longValue();
            assertEquals(409, api.send("DELETE", "api/queues/it.admin.work/messages/" + heldId, null, true).status());
            assertEquals(409, api.send("DELETE", "api/queues/it.admin.work", null, true).status());
            holding.close();
            assertEquals(0, api.get("api/queues/it.admin.work.DLQ").json().getInt("total"));
            assertEquals(3, api.post("api/queues/it.admin.work/purge", "{}").json().getInt("purged"));
            assertEquals(0, api.get("api/queues/it.admin.work").json().getInt("total"));
        }
    }

    @Test
    void anOperatorSeesTheQueueAndItsDeadLetterAndRetriesItInTheBrowser() throws Exception {
        assumeTrue(onPostgres(), "needs the server's database (PostgreSQL run only)");
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs the Debian chromium and chromium-driver packages (.ci/run installs them)");
        new AdminClient(base).post("api/queues",
                "{\"name\": \"it.ui.orders\", \"policy\": {\"maxDeliveryAttempts\": 1}}");
        try (Connection connection = factory().createConnection()) {
            connection.start();
            send(connection, "it.ui.orders", "order-1", "order-2");
            rollBackOne(connection, "it.ui.orders");
        }
        Path profile = Files.createTempDirectory("postbox-chromium");
        WebDriver browser = chromium(profile);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(base + "#/queues");
            By ordersDepth = By.cssSelector("tr[data-queue='it.ui.orders'] td.depth");
            wait.until(ExpectedConditions.textToBe(ordersDepth, "1"));

            browser.findElement(By.linkText("it.ui.orders.DLQ")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#messages td.reason"),
                    "after 1 delivery attempts"));
            assertEquals("it.ui.orders", browser.findElement(By.cssSelector("#messages td.reason + td")).getText());
            browser.findElement(By.id("retry-all")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-ok"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Retried 1 message(s)."));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "No messages"));

            browser.findElement(By.cssSelector("a[data-nav='queues']")).click();
            wait.until(ExpectedConditions.textToBe(ordersDepth, "2"));
            assertEquals("0", browser.findElement(By.cssSelector("tr[data-queue='it.ui.orders.DLQ'] td.total"))
                    .getText());
            assertFalse(browser.getPageSource().contains("<script>alert"), "nothing rendered as markup");

            browser.findElement(By.cssSelector("a[data-nav='users']")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-name"))).sendKeys("it.ui.operator");
            browser.findElement(By.id("user-password")).sendKeys("operator password");
            browser.findElement(By.id("save-user")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"),
                    "User it.ui.operator created."));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-user='it.ui.operator']")));
            assertEquals("", browser.findElement(By.id("user-password")).getDomProperty("value"), "password cleared");
        } finally {
            browser.quit();
            deleteTree(profile);
        }
    }

    private static WebDriver chromium(Path profile) {
        // Both paths explicit: Selenium Manager must not look for (or download) a browser or driver.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }

    private static PostboxConnectionFactory factory() {
        PostboxConnectionFactory factory = new PostboxConnectionFactory(PG_URL);
        factory.setShutdownDelayMillis(0);
        return factory;
    }

    private static void send(Connection connection, String queue, String... texts) throws JMSException {
        Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = session.createProducer(session.createQueue(queue));
        for (String text : texts) {
            Message message = session.createTextMessage(text);
            message.setStringProperty("customer", "ACME");
            message.setStringProperty("note", "<script>alert(1)</script>");
            producer.send(message);
        }
        session.close();
    }

    /** Receives the head of the queue in a transaction and rolls back: with one attempt, it is dead-lettered. */
    private static void rollBackOne(Connection connection, String queue) throws JMSException {
        Session session = connection.createSession(Session.SESSION_TRANSACTED);
        MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
        assertNotNull(consumer.receive(10_000), "a message on " + queue);
        session.rollback();
        session.close();
    }

    private static List<String> userNames(Answer listed) {
        return listed.jsonArray().stream().map(u -> u.asJsonObject().getString("name")).toList();
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

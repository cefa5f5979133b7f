package kh.gov.spean.node;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import kh.gov.spean.node.management.ManagementUser;
import kh.gov.spean.node.management.ManagementUsers;
import kh.gov.spean.node.management.PasswordHash;
import kh.gov.spean.node.management.Role;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The auditor's page in a real browser (Debian's headless Chromium, driven by Selenium), on the provider's management
 * port: without a login the browser is sent to the login page and the entries are refused; an operator who logged in
 * is refused the page; an auditor who logged in searches the provider's log for verifyCitizen deliveries, opens one, and sees its header, signature, checkpoint and inclusion
 * proof each marked verified by the node; the export link gives the evidence as a zip that OpenSSL can check. A
 * screenshot is kept at {@code gateway/node/target/audit-page.png}. A missing entry and a malformed time get their codes.
 */
class AuditPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ALICE_PASSWORD = "an auditor's long passphrase";
    private static final String OLGA_PASSWORD = "an operator's long passphrase";

    @Test
    void an_auditor_finds_a_delivery_opens_it_and_sees_every_part_verified(@TempDir Path data, @TempDir Path profile)
            throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "this test needs Debian's chromium and chromium-driver (.ci/run installs them: apt-get install chromium chromium-driver)");
        try (TestNetwork network = TestNetwork.start(data, Duration.ofSeconds(20))) {
            ConnectorExample match = ConnectorExample.read("moi-id-registry", "match");
            assertEquals(200, network.call(network.mef(), match.client(), match.service(), match.request()).statusCode());
            ManagementAccess access = ManagementAccess.to(network.moi());
            HttpClient http = access.http();
            Path users = ManagementUsers.fileOf(data, TestNetwork.MOI);
            ManagementUsers.put(users, new ManagementUser("alice", Role.AUDITOR.wireName(),
                    PasswordHash.hash(ALICE_PASSWORD.toCharArray()), null));
            ManagementUsers.put(users, new ManagementUser("olga", Role.OPERATOR.wireName(),
                    PasswordHash.hash(OLGA_PASSWORD.toCharArray()), null));
            URI provider = network.moi().managementUri();
            // Checkpoints come every 10 s while entries arrive: wait until one covers the delivery.
            await().atMost(Duration.ofSeconds(40)).until(() -> access.get(Role.AUDITOR, "/audit/entries/1")
                    .body().contains("\"checkpointSize\""));

            ChromeDriver browser = browser(profile);
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                browser.get(provider + "/audit");
                wait.until(page -> page.getCurrentUrl().endsWith("/login"));
                assertEquals(1, browser.findElements(By.id("password")).size(), "without a login, the login page");
                browser.get(provider + "/audit/entries");
                assertTrue(browser.getPageSource().contains("client.unauthenticated"), browser.getPageSource());

                logIn(browser, wait, provider, "olga", OLGA_PASSWORD);
                wait.until(page -> page.getCurrentUrl().endsWith("/monitoring"));
                browser.get(provider + "/audit");
                assertTrue(browser.getPageSource().contains("client.role_forbidden"), browser.getPageSource());
                assertEquals(0, browser.findElements(By.id("search")).size(), "an operator gets no audit page");
                browser.manage().deleteAllCookies();

                logIn(browser, wait, provider, "alice", ALICE_PASSWORD);
                wait.until(page -> page.getCurrentUrl().endsWith("/audit"));
                browser.findElement(By.name("service")).sendKeys(TestNetwork.VERIFY_CITIZEN);
                browser.findElement(By.name("member")).sendKeys("KH/GOV/MEF");
                new Select(browser.findElement(By.name("outcome"))).selectByVisibleText("delivered");
                browser.findElement(By.id("search")).click();
                wait.until(page -> page.findElement(By.id("status")).getText().startsWith("1 entries"));

                WebElement delivery = browser.findElement(By.cssSelector("#entries tr"));
                assertTrue(delivery.getText().contains("delivered"), delivery.getText());
                WebElement unusual = delivery.findElement(By.cssSelector(".mark.anomaly"));
                assertEquals("no issue", unusual.getText(), "the call named a citizen without an X-Road-Issue");
                assertTrue(unusual.isDisplayed(), "a visible marker");
                assertEquals("KH/GOV/MEF " + TestNetwork.OFFICIAL + ": no X-Road-Issue", unusual.getAttribute("title"));
                delivery.click();
                wait.until(page -> page.findElements(By.cssSelector("#evidence .mark.verified")).size() == 3);
                String evidence = browser.findElement(By.id("evidence")).getText();
                assertTrue(evidence.contains("verifyCitizen") && evidence.contains("KH/GOV/MEF signing")
                        && evidence.contains("Audit path"), evidence);
                assertTrue(evidence.contains("Official (X-Road-UserId): " + TestNetwork.OFFICIAL)
                        && evidence.contains("Purpose (X-Spean-Purpose): " + TestNetwork.VERIFY_CITIZEN_PURPOSE), evidence);
                assertEquals(0, browser.findElements(By.cssSelector("#evidence .mark.failed")).size(), evidence);
                File screenshot = browser.getScreenshotAs(OutputType.FILE);
                Path kept = Path.of("target", "audit-page.png");
                Files.copy(screenshot.toPath(), kept, StandardCopyOption.REPLACE_EXISTING);
                System.out.println("audit page screenshot: " + kept.toAbsolutePath());

                String export = browser.findElement(By.id("export")).getAttribute("href");
                Cookie session = browser.manage().getCookieNamed("spean-session");
                assertTrue(session.isSecure() && session.isHttpOnly() && "Strict".equals(session.getSameSite()),
                        session.toString());
                HttpResponse<byte[]> zip = http.send(HttpRequest.newBuilder(URI.create(export))
                        .header("Cookie", session.getName() + "=" + session.getValue()).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, zip.statusCode());
                Set<String> files = new HashSet<>();
                try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
                    for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                        files.add(entry.getName());
                    }
                }
                assertTrue(files.contains("verify.sh") && files.contains("certs/ca.pem")
                        && files.stream().anyMatch(name -> name.startsWith("envelopes/") && name.endsWith(".bin"))
                        && files.stream().anyMatch(name -> name.startsWith("checkpoints/")), files.toString());
            } finally {
                browser.quit();
            }
            HttpResponse<String> noSuchEntry = access.get(Role.AUDITOR, "/audit/entries/999999");
            assertEquals(404, noSuchEntry.statusCode(), noSuchEntry.body());
            assertEquals("client.unknown_entry", noSuchEntry.headers().firstValue("X-Road-Error").orElse(null));
            HttpResponse<String> badTime = access.get(Role.AUDITOR, "/audit/entries?from=yesterday");
            assertEquals(400, badTime.statusCode(), badTime.body());
            assertEquals("client.malformed_request", badTime.headers().firstValue("X-Road-Error").orElse(null));
        }
    }

    private static void logIn(ChromeDriver browser, WebDriverWait wait, URI management, String name, String password) {
        browser.get(management + "/login");
        wait.until(page -> !page.findElements(By.id("login")).isEmpty());
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
    }

    private static ChromeDriver browser(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The management port's certificate is the node's own self-signed one, which this browser has never seen.
        options.setAcceptInsecureCerts(true);
        // Headless, and nothing that reaches for the network: this machine's network is closed.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1100", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }
}

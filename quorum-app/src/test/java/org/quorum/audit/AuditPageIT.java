package org.quorum.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.quorum.support.BrowserPerTest;
import org.quorum.support.QuorumIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The audit page in a real browser: Debian's headless Chromium driven by Selenium through the system's
 * chromedriver (Selenium Manager downloads nothing). Without Chromium the test fails in CI and is skipped,
 * saying why, elsewhere.
 */
@QuorumIntegrationTest
class AuditPageIT {

    private static final List<String> VISITED = List.of("StartEvent_Received", "Task_CheckRequest",
            "Task_CheckEligibility", "Gateway_Eligible", "EndEvent_Accepted");

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @RegisterExtension
    final BrowserPerTest chromium = new BrowserPerTest();

    WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = chromium.browser();
    }

    @Test
    void ownerSignsInFindsTheRequestAndSeesItsPathTimelineAndIntactChain() throws Exception {
        AuditFixture fixture = new AuditFixture(repository, runtime, tasks, identity);
        String businessKey = "REQ-" + UUID.randomUUID().toString().substring(0, 8);
        fixture.checkAsOfficer(fixture.start(businessKey), "All documents present");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get("http://localhost:" + port + "/audit");
        WebElement login = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        login.findElement(By.name("username")).sendKeys("owner");
        login.findElement(By.name("password")).sendKeys("owner");
        login.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement filters = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filters")));
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("Signed in as owner");
        filters.findElement(By.name("businessKey")).sendKeys(businessKey);
        filters.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(businessKey))).click();

        wait.until(d -> d.findElements(By.cssSelector("g.djs-element.audit-visited")).size() == VISITED.size());
        List<String> highlighted = browser.findElements(By.cssSelector("g.djs-element.audit-visited")).stream()
                .map(element -> element.getDomAttribute("data-element-id")).toList();
        assertThat(highlighted).containsExactlyInAnyOrderElementsOf(VISITED);
        assertThat(browser.findElements(By.cssSelector("g.audit-visited[data-element-id=EndEvent_Declined]")))
                .isEmpty();
        List<WebElement> counts = browser.findElements(By.cssSelector(".audit-count"));
        assertThat(counts).extracting(count -> count.getDomAttribute("data-activity-id"))
                .containsExactlyInAnyOrderElementsOf(VISITED);
        assertThat(counts).extracting(WebElement::getText).containsOnly("1");

        assertThat(browser.findElement(By.id("detail-title")).getText())
                .isEqualTo("Audit fixture (test): " + businessKey);
        List<String> rows = browser.findElements(By.cssSelector("#timeline tbody tr")).stream()
                .map(WebElement::getText).toList();
        assertThat(rows.get(0)).contains("Request started");
        assertThat(rows).anyMatch(row -> row.contains("Task 'Check request' claimed by officer"));
        assertThat(rows).anyMatch(row -> row.contains("Recorded comment = All documents present"));
        assertThat(rows).anyMatch(row -> row.contains(
                "Task 'Check request' completed by officer acting for Head of Secretariat"));
        assertThat(rows).anyMatch(row -> row.contains("Decision 'Eligibility (test)' evaluated: "
                + "Facility type = REGIONAL_CUSTOMS_LABORATORY gave eligible = true"));
        assertThat(rows).anyMatch(row -> row.contains("Request completed at 'Request accepted'"));

        browser.findElement(By.id("verify")).click();
        WebElement verdict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verify-result")));
        assertThat(verdict.getText()).startsWith("Intact: all ").endsWith("entries still match their hash chain.");

        Path screenshot = Path.of("target", "audit-page.png");
        Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(screenshot)).isPositive();
    }
}

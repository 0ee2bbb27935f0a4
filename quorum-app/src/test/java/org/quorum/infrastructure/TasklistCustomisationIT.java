package org.quorum.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.quorum.support.BrowserPerTest;
import org.quorum.support.QuorumIntegrationTest;
import org.quorum.support.TasklistInBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist as Quorum's own, in a real browser: Quorum's name and logo, no banner addressed to Camunda's customers
 * (in Cockpit neither), and a task's "Audit record" tab that links to its request's audit record for a user who
 * may read the audit, and not for an officer who may not.
 */
@QuorumIntegrationTest
class TasklistCustomisationIT {

    private static final String CAMUNDA_8_BANNER = "migrate to Camunda 8";
    private static final By AUDIT_TAB = By.xpath("//a[normalize-space()='Audit record']");
    private static final By AUDIT_LINK = By.cssSelector("a.quorum-audit-record");

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @RegisterExtension
    final BrowserPerTest chromium = new BrowserPerTest();

    WebDriver browser;
    WebDriverWait wait;
    TasklistInBrowser tasklist;

    @BeforeEach
    void openBrowser() {
        browser = chromium.browser();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        tasklist = new TasklistInBrowser(browser, port);
    }


    @Test
    void aProcessOwnerSeesQuorumsTasklistAndFollowsATasksLinkToItsRequestsAuditRecord() throws Exception {
        ProcessInstance request = startRequest("REQ-TASKLIST-AUDIT");
        tasklist.logIn("owner");
        tasklist.keepingEvidence(() -> wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".navbar-brand"))));

        assertThat(browser.getTitle()).isEqualTo("Quorum Tasklist");
        WebElement brand = browser.findElement(By.cssSelector(".navbar-brand"));
        assertThat(brand.findElement(By.cssSelector(".brand-name")).getText()).isEqualTo("Quorum Tasklist");
        assertThat(brand.findElement(By.cssSelector(".brand-logo")).isDisplayed()).as("Camunda's logo").isFalse();
        String logo = brand.getCssValue("background-image");
        assertThat(logo).contains("/camunda/app/tasklist/styles/quorum-logo.svg");
        HttpResponse<String> svg = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(logo.substring(logo.indexOf('"') + 1, logo.lastIndexOf('"')))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.body()).contains("<svg").contains("<title>Quorum</title>");
        assertNoCamunda8Banner();

        openAuditRecordTab(request);
        WebElement link = tasklist.keepingEvidence(() -> wait.until(
                ExpectedConditions.visibilityOfElementLocated(AUDIT_LINK)));
        assertThat(link.getDomAttribute("href")).isEqualTo("/audit/#/instance/" + request.getId());
        assertNoCamunda8Banner();
        tasklist.screenshot("tasklist-audit-link.png");

        link.click();
        WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail-title")));
        wait.until(d -> title.getText().endsWith(": REQ-TASKLIST-AUDIT"));
        tasklist.screenshot("tasklist-audit-record.png");

        browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".navbar-brand")));
        assertNoCamunda8Banner();
        tasklist.screenshot("cockpit-without-banner.png");
    }

    @Test
    void anOfficerWhoMayNotReadTheAuditGetsNoLinkToIt() throws Exception {
        ProcessInstance request = startRequest("REQ-TASKLIST-NO-AUDIT");
        tasklist.logIn("officer");
        tasklist.keepingEvidence(() -> wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.partialLinkText("My group tasks"))));
        assertThat(browser.getTitle()).isEqualTo("Quorum Tasklist");
        assertNoCamunda8Banner();

        openAuditRecordTab(request);
        WebElement tab = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".quorum-audit-tab")));
        wait.until(d -> tab.getText().contains("open to process owners and administrators"));
        assertThat(browser.findElements(AUDIT_LINK)).isEmpty();
        tasklist.screenshot("tasklist-no-audit-link.png");
    }

    private ProcessInstance startRequest(String businessKey) {
        identity.setAuthentication("officer", List.of("secretariat"));
        try {
            return runtime.startProcessInstanceByKey("regional-endorsement", businessKey, Map.of(
                    "requestingAdministration", "Canada", "facilityType", "REGIONAL_DOG_TRAINING_CENTRE",
                    "region", "AMERICAS_CARIBBEAN", "requestSummary", "Recognition of the dog training centre"));
        } finally {
            identity.clearAuthentication();
        }
    }

    private void openAuditRecordTab(ProcessInstance request) throws Exception {
        tasklist.openTask(tasks.createTaskQuery().processInstanceId(request.getId()).singleResult().getId());
        tasklist.keepingEvidence(() -> wait.until(ExpectedConditions.elementToBeClickable(AUDIT_TAB))).click();
    }

    /**
     * Camunda still renders the banner's element; Quorum's user stylesheet hides it, so the element is there but not
     * shown, and its text is nowhere in what the page shows.
     */
    private void assertNoCamunda8Banner() {
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain(CAMUNDA_8_BANNER);
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).isNotEmpty()
                .noneMatch(WebElement::isDisplayed);
    }
}

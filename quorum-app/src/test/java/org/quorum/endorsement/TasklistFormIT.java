package org.quorum.endorsement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * An officer works a task in Camunda Tasklist with its Camunda Form, in a real browser: an empty required field
 * is refused by the form and changes nothing; a filled-in form completes the task and the process moves on.
 */
@QuorumIntegrationTest
class TasklistFormIT {

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

    @BeforeEach
    void openBrowser() {
        browser = chromium.browser();
    }

    @Test
    void officerCompletesTheCompletenessCheckInTasklistAndAnEmptyRequiredFieldIsRefused() throws Exception {
        identity.setAuthentication("officer", List.of("secretariat"));
        String request = runtime.startProcessInstanceByKey("regional-endorsement", "REQ-TASKLIST-CAN", Map.of(
                "requestingAdministration", "Canada", "facilityType", "REGIONAL_DOG_TRAINING_CENTRE",
                "region", "AMERICAS_CARIBBEAN", "requestSummary", "Recognition of the dog training centre")).getId();
        identity.clearAuthentication();
        Task check = tasks.createTaskQuery().processInstanceId(request).singleResult();
        assertThat(check.getTaskDefinitionKey()).isEqualTo("Task_CheckCompleteness");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        TasklistInBrowser tasklist = new TasklistInBrowser(browser, port);
        tasklist.logIn("officer");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.partialLinkText("My group tasks")));
        tasklist.openTask(check.getId());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
        WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[ng-click='complete()']")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='Field_CheckResult-display']")));

        click(complete);
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".fjs-form-field-error")));
        assertThat(error.getText()).isEqualTo("Field is required.");
        tasklist.screenshot("tasklist-form-refused.png");
        assertThat(tasks.createTaskQuery().processInstanceId(request).singleResult().getId())
                .as("nothing submitted: the same task is still open").isEqualTo(check.getId());
        assertThat(runtime.getVariables(request)).doesNotContainKey("checkResult");

        browser.findElement(By.cssSelector("[id$='Field_CheckResult-display']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='Complete and eligible']")))
                .click();
        click(complete);

        wait.withTimeout(Duration.ofSeconds(30)).until(d -> tasks.createTaskQuery().processInstanceId(request)
                .taskDefinitionKey("Task_PlaceOnAgenda").count() == 1);
        tasklist.screenshot("tasklist-form.png");
        assertThat(runtime.getVariable(request, "checkResult")).isEqualTo("COMPLETE");
        assertThat(tasks.createTaskQuery().taskId(check.getId()).count()).as("the checked task is done").isZero();
    }

    /**
     * Clicks a form button that Tasklist's footer or a notification toast may cover in a headless window: the
     * click goes to the button itself (its Angular handler runs as for a mouse click).
     */
    private void click(WebElement button) {
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", button);
    }
}

package org.quorum.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Camunda Tasklist in a browser: its address, its login form, and evidence kept when a wait times out. */
public final class TasklistInBrowser {

    private final WebDriver browser;
    private final String address;

    public TasklistInBrowser(WebDriver browser, int port) {
        this.browser = browser;
        this.address = "http://localhost:" + port + "/camunda/app/tasklist/default/";
    }

    /** Opens Tasklist and logs in; the user's password is their id (the demo cast). */
    public void logIn(String user) throws Exception {
        browser.get(address);
        // Tasklist's first load (a large script bundle) can take long on a loaded two-core machine.
        keepingEvidence(() -> new WebDriverWait(browser, Duration.ofSeconds(120)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']"))))
                .sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(user);
        browser.findElement(By.cssSelector("button[type='submit']")).click();
    }

    /** Opens one task's detail. */
    public void openTask(String taskId) {
        browser.get(address + "#/?task=" + taskId);
    }

    /** Waits as told; if it times out, saves what the browser showed under target/ before failing. */
    public <T> T keepingEvidence(Supplier<T> waiting) throws Exception {
        try {
            return waiting.get();
        } catch (TimeoutException e) {
            Files.writeString(Path.of("target", "tasklist-failure.html"), browser.getPageSource());
            screenshot("tasklist-failure.png");
            throw e;
        }
    }

    /** Saves what the browser shows as {@code target/<name>} and returns its path. */
    public Path screenshot(String name) throws Exception {
        return Files.write(Path.of("target", name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}

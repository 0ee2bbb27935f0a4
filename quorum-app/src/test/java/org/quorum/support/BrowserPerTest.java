package org.quorum.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;
import org.springframework.util.FileSystemUtils;

/**
 * A fresh {@link HeadlessChromium} for each test, with a profile folder of its own, quit and removed after the
 * test whatever its outcome: {@code @RegisterExtension final BrowserPerTest chromium = new BrowserPerTest();}.
 */
public final class BrowserPerTest implements BeforeEachCallback, AfterEachCallback {

    private Path profile;
    private WebDriver browser;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        profile = Files.createTempDirectory("quorum-chromium-");
        browser = HeadlessChromium.start(profile);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            browser = null;
            if (profile != null) {
                FileSystemUtils.deleteRecursively(profile);
            }
        }
    }

    public WebDriver browser() {
        return browser;
    }
}

package org.beatbook.browser;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Debian's Chromium driven through Selenium, headless, with nothing downloaded at test time.
 * Where {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing, the calling test is
 * skipped with a message saying so (and the skip shows in the test report).
 */
public final class Chromium {

    static final Path BROWSER = Path.of(System.getProperty("beatbook.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("beatbook.chromedriver", "/usr/bin/chromedriver"));
    /** Screenshots land here so a person can look at them after a run. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Chromium() {
    }

    /** A new headless browser at the given window size; skips the test when Chromium is not installed. */
    public static ChromeDriver start(int width, int height) {
        boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (!present) {
            System.err.println("SKIPPED browser test: " + BROWSER + " or " + DRIVER
                    + " not found (apt-get install chromium chromium-driver fonts-noto-cjk)");
        }
        Assumptions.assumeTrue(present, "browser tests skipped: " + BROWSER + " or " + DRIVER + " not found");
        try {
            Path profile = Files.createTempDirectory("beatbook-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BROWSER.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-dev-shm-usage", "--lang=zh-CN",
                    "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(width, height));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves a PNG of the current page as {@code target/screenshots/<name>.png} and returns its path. */
    public static Path screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

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

    private static final java.util.Map<String, Long> USED_STEPS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A TOTP code for {@code secret} that no earlier sign-in of this JVM used: Beatbook refuses a code used twice, and
     * browser tests sharing a demo context sign the same user in, so a second sign-in within one 30-second step
     * waits for the next step.
     */
    public static synchronized String freshTotp(String secret) {
        try {
            long step = java.time.Instant.now().getEpochSecond() / 30;
            Long used = USED_STEPS.get(secret);
            if (used != null && used >= step) {
                Thread.sleep((used + 1) * 30_000 - System.currentTimeMillis() + 200);
                step = java.time.Instant.now().getEpochSecond() / 30;
            }
            USED_STEPS.put(secret, step);
            return new dev.samstevens.totp.code.DefaultCodeGenerator().generate(secret, step);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (dev.samstevens.totp.exceptions.CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }
}

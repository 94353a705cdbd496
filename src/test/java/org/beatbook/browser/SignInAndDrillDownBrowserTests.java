package org.beatbook.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A community officer at the gate, on a 360-px phone: signs in with password and TOTP, drills from the
 * community down to a room, and switches the language. Screenshots land in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "beatbook.demo=true")
class SignInAndDrillDownBrowserTests {

    @LocalServerPort
    int port;

    @Value("${beatbook.home}")
    Path home;

    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void officerSignsInWithTwoFactorsDrillsToARoomAndSwitchesLanguage() throws Exception {
        JsonNode officer = demoUser("COMMUNITY_OFFICER");
        browser = Chromium.start(360, 800);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        browser.get(url("/addresses"));
        wait.until(ExpectedConditions.urlContains("/login"));
        Chromium.screenshot(browser, "issue2-01-login-360");
        browser.findElement(By.id("username")).sendKeys(officer.get("username").asString());
        browser.findElement(By.id("password")).sendKeys(officer.get("password").asString());
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        wait.until(ExpectedConditions.urlContains("/login/totp"));
        Chromium.screenshot(browser, "issue2-02-totp-360");
        browser.findElement(By.id("code")).sendKeys(Chromium.freshTotp(officer.get("totpSecret").asString()));
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        assertThat(browser.findElement(By.cssSelector(".who")).getText())
                .isEqualTo(officer.get("displayName").asString());

        Chromium.screenshot(browser, "issue2-03-home-360");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("户室");

        browser.get(url("/addresses"));
        Chromium.screenshot(browser, "issue2-03-jurisdiction-360");
        // community → compound → building → unit → room
        List<String> trail = new java.util.ArrayList<>();
        for (int level = 0; level < 5; level++) {
            WebElement first = firstChildLink();
            trail.add(first.getText().lines().findFirst().orElse(""));
            first.click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.crumbs")));
        }
        Chromium.screenshot(browser, "issue2-04-room-360");
        String crumbs = browser.findElement(By.cssSelector("nav.crumbs")).getText();
        assertThat(crumbs).contains("高铁新城社区");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("户室");
        assertThat(noHorizontalScroll()).as("page fits a 360 px screen").isTrue();

        browser.findElement(By.cssSelector("a.lang")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("a.lang"), "中文"));
        Chromium.screenshot(browser, "issue2-05-room-english-360");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Room");
        browser.findElement(By.cssSelector("a.lang")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("a.lang"), "English"));

        browser.get(url("/addresses/999999999999"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("404").contains("管辖范围");
        Chromium.screenshot(browser, "issue2-05b-not-found-360");

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        browser.navigate().back();
        Chromium.screenshot(browser, "issue2-06-room-1280");
        browser.get(url("/"));
        Chromium.screenshot(browser, "issue2-07-home-1280");
        assertThat(browser.findElements(By.cssSelector("#mainnav a"))).extracting(WebElement::getText)
                .contains("标准地址").doesNotContain("审计日志", "用户管理");
    }

    private WebElement firstChildLink() {
        return browser.findElement(By.xpath(
                "//main//ul[contains(@class,'list') and not(ancestor::*[@id='results'])]/li/a"));
    }

    private boolean noHorizontalScroll() {
        Object fits = browser.executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth + 1;");
        return Boolean.TRUE.equals(fits);
    }

    private JsonNode demoUser(String role) {
        JsonNode doc = JsonMapper.builder().build().readTree(home.resolve("demo-credentials.json").toFile());
        for (JsonNode u : doc.get("users")) {
            if (role.equals(u.get("role").asString())) {
                return u;
            }
        }
        throw new AssertionError("no demo user with role " + role);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

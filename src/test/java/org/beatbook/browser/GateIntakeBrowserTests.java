package org.beatbook.browser;

import org.beatbook.population.IdNumber;
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
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A community officer at a compound gate on a 360-px phone: signs in, registers a resident from an empty intake
 * form (room picked in taps, a wrong ID number refused at once, a right one filling birth date, sex and region),
 * then finds the resident by the name's pinyin initials. Screenshots land in target/screenshots (issue3-*).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "beatbook.demo=true")
class GateIntakeBrowserTests {

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
    void officerRegistersAResidentAtTheGateAndFindsThemByInitials() throws Exception {
        browser = Chromium.start(360, 800);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        signIn(demoUser("COMMUNITY_OFFICER"), wait);

        browser.get(url("/intake"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("intake-form")));
        Chromium.screenshot(browser, "issue3-01-intake-empty-360");
        assertThat(fits()).as("the empty form fits 360 px").isTrue();

        // compound → building → unit → (floor) → room, one tap each
        List<String> taps = new java.util.ArrayList<>();
        for (int i = 0; i < 8 && browser.findElements(By.cssSelector("#picker .chosen")).isEmpty(); i++) {
            WebElement tap = browser.findElement(By.cssSelector("#picker a.tap"));
            taps.add(tap.getText());
            tap.click();
            wait.until(ExpectedConditions.stalenessOf(tap));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("picker")));
        }
        assertThat(browser.findElement(By.cssSelector("#picker .chosen")).getText()).contains(taps.get(taps.size() - 1));
        Chromium.screenshot(browser, "issue3-02-room-picked-360");

        LocalDate born = LocalDate.of(1987, 6, 15);
        String body = "340524" + born.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", ThreadLocalRandom.current().nextInt(500, 999) | 1); // odd: male
        String good = body + IdNumber.checkCharacter(body);
        String bad = body + (IdNumber.checkCharacter(body) == '1' ? '2' : '1');
        WebElement id = browser.findElement(By.id("idNumber"));
        id.sendKeys(bad);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#id-check .field-error")));
        assertThat(browser.findElement(By.cssSelector("#id-check .field-error")).getText()).contains("校验");
        Chromium.screenshot(browser, "issue3-03-bad-id-refused-360");

        id = browser.findElement(By.id("idNumber"));
        id.clear();
        id.sendKeys(good);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#id-check dl.derived"), "1987-06-15"));
        String derived = browser.findElement(By.cssSelector("#id-check dl.derived")).getText();
        assertThat(derived).contains("1987-06-15", "男", "安徽");
        String name = "聂驰" + "骋";
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("phone")).sendKeys("139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
        browser.executeScript("document.querySelector('input[name=residenceType][value=TENANT]').click();");
        Chromium.screenshot(browser, "issue3-04-filled-360");
        assertThat(fits()).as("the filled form fits 360 px").isTrue();
        browser.findElement(By.cssSelector("button.save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash.ok")));
        Chromium.screenshot(browser, "issue3-05-saved-360");

        browser.get(url("/persons?q=ncc"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
        assertThat(browser.findElement(By.id("results")).getText()).contains(name).doesNotContain(good);
        Chromium.screenshot(browser, "issue3-06-search-initials-360");
        assertThat(fits()).as("the results fit 360 px").isTrue();

        browser.findElement(By.xpath("//*[@id='results']//a[contains(., '" + name + "')]")).click();
        wait.until(ExpectedConditions.titleIs(name));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("租户")
                .contains(good.substring(0, 3) + "***********" + good.substring(14));
        Chromium.screenshot(browser, "issue3-07-person-360");
    }

    private void signIn(JsonNode user, WebDriverWait wait) throws Exception {
        browser.get(url("/intake"));
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(user.get("username").asString());
        browser.findElement(By.id("password")).sendKeys(user.get("password").asString());
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/login/totp"));
        browser.findElement(By.id("code")).sendKeys(Chromium.freshTotp(user.get("totpSecret").asString()));
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private boolean fits() {
        return Boolean.TRUE.equals(browser.executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth + 1;"));
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

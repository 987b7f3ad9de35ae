package cn.huying.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: Debian's headless Chromium driven by Debian's ChromeDriver through
 * Selenium (never a downloaded browser or driver), a fresh profile, an office screen (1366×768) or
 * a phone (390×844, touch, mobile user agent). Screenshots go to {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;
    private final boolean phone;

    private Browser(String base, boolean phone) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        try {
            this.profile = Files.createTempDirectory("huying-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=zh-CN", "--user-data-dir=" + profile.toAbsolutePath(),
                phone ? "--window-size=390,844" : "--window-size=1366,768");
        if (phone) {
            options.setExperimentalOption("mobileEmulation", Map.of(
                    "deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 1.0, "touch", true),
                    "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                            + "Chrome/130.0 Mobile Safari/537.36"));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        this.base = base;
        this.phone = phone;
    }

    public static Browser office(String base) {
        requireBrowser();
        return new Browser(base, false);
    }

    public static Browser phone(String base) {
        requireBrowser();
        return new Browser(base, true);
    }

    /** The Debian packages the browser tests need; {@code .ci/run} installs them. */
    public static final String PACKAGES = "chromium chromium-driver fonts-wqy-microhei";
    private static final java.util.concurrent.atomic.AtomicBoolean NOTICE_GIVEN = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Without Debian's Chromium and ChromeDriver a browser test is skipped, with a notice naming the packages to
     * install, so that {@code mvn -B verify} passes on a fresh machine; under CI ({@code CI=true}), which installs
     * them, a missing browser fails the test instead, so no browser test is skipped there.
     */
    static void requireBrowser() {
        requireBrowser(Path.of(CHROMIUM), Path.of(CHROMEDRIVER), System.getenv("CI"));
    }

    static void requireBrowser(Path chromium, Path chromedriver, String ci) {
        boolean present = Files.isExecutable(chromium) && Files.isExecutable(chromedriver);
        if (present) {
            return;
        }
        String notice = "BROWSER TESTS NEED " + chromium + " AND " + chromedriver + ": install the Debian packages "
                + PACKAGES + " (sudo apt-get install " + PACKAGES + ")";
        if ("true".equalsIgnoreCase(ci)) {
            throw new AssertionError("CI=true and no browser: " + notice);
        }
        if (NOTICE_GIVEN.compareAndSet(false, true)) {
            String line = "*".repeat(100);
            System.err.println(line + "\n*** SKIPPED: " + notice + "\n" + line);
        }
        org.junit.jupiter.api.Assumptions.abort(notice);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** Signs in on the login page as a demo user. */
    public Browser login(String username, String password) {
        open("/login");
        type("#username", username);
        type("#password", password);
        click("button[type=submit]");
        waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        return this;
    }

    /** The phone's location is this point, and the page may read it. */
    public Browser location(double lat, double lng) {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", base, "permissions",
                java.util.List.of("geolocation")));
        driver.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", lat, "longitude", lng,
                "accuracy", 10));
        return this;
    }

    public WebElement find(String css) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Types into a field; retried when the page re-renders the field in between (stale element). */
    public Browser type(String css, String text) {
        waitFor(d -> {
            WebElement e = d.findElement(By.cssSelector(css));
            if (!e.isDisplayed()) {
                return null;
            }
            e.clear();
            e.sendKeys(text);
            return Boolean.TRUE;
        });
        return this;
    }

    public Browser select(String css, String value) {
        new Select(find(css)).selectByValue(value);
        return this;
    }

    public String selected(String css) {
        return new Select(find(css)).getFirstSelectedOption().getText();
    }

    public Browser click(String css) {
        waitFor(d -> {
            WebElement e = d.findElement(By.cssSelector(css));
            if (!e.isDisplayed() || !e.isEnabled()) {
                return null;
            }
            e.click();
            return Boolean.TRUE;
        });
        return this;
    }

    /** Clicks a submit button and waits until the browser has loaded the answer (the old page is gone). */
    public Browser submit(String css) {
        WebElement oldBody = driver.findElement(By.tagName("body"));
        click(css);
        waitFor(ExpectedConditions.stalenessOf(oldBody));
        return this;
    }

    /** The visible text of an element; retried when the page re-renders it in between (stale element). */
    public String text(String css) {
        return waitFor(d -> {
            WebElement e = d.findElement(By.cssSelector(css));
            return e.isDisplayed() ? e.getText() : null;
        });
    }

    public String page() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public Browser waitForText(String css, String text) {
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return this;
    }

    /**
     * Waits until the condition holds. An element found on the page being left while the browser
     * loads the next one is asked again: Selenium reports that as a stale element, and ChromeDriver
     * sometimes as an inspector error ("Node with given id does not belong to the document").
     */
    public <T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(d -> {
                    try {
                        return condition.apply(d);
                    } catch (org.openqa.selenium.WebDriverException e) {
                        if (isPageBeingLeft(e)) {
                            return null;
                        }
                        throw e;
                    }
                });
    }

    private static boolean isPageBeingLeft(org.openqa.selenium.WebDriverException e) {
        String message = e.getMessage();
        return message != null && message.contains("does not belong to the document");
    }

    /** Saves the visible page as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path to = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), to, StandardCopyOption.REPLACE_EXISTING);
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the whole page, as tall as it is, at the browser's width. */
    public Path fullScreenshot(String name) {
        Object height = driver.executeScript("return Math.max(document.body.scrollHeight, window.innerHeight)");
        Object width = driver.executeScript("return window.innerWidth");
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", ((Number) width).intValue(),
                "height", Math.min(((Number) height).intValue(), 4000), "deviceScaleFactor", 1, "mobile",
                ((Number) width).intValue() < 600));
        try {
            return screenshot(name);
        } finally {
            if (phone) {
                driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                        "deviceScaleFactor", 1, "mobile", true));
            } else {
                driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            }
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a left-over temporary profile is harmless
            }
        }
    }
}

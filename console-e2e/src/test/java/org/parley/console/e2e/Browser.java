package org.parley.console.e2e;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's, through the system chromedriver) for the whole suite. Each sign-in
 * starts from a browser without cookies and goes through the real Keycloak login page.
 */
final class Browser {

    static final Dimension LAPTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    private static Browser instance;

    final ChromeDriver driver;
    private final String base;
    private final Path screenshots;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver, String base, Path screenshots) {
        this.driver = driver;
        this.base = base;
        this.screenshots = screenshots;
        // Polled every 50 ms, not Selenium's 500: a wait for a page that is already there (most of them, a sign-in's
        // redirect through Keycloak) returned on average 250 ms late, across hundreds of waits.
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(50));
    }

    static synchronized Browser get(ConsolePlatform platform) throws IOException {
        if (instance == null) {
            for (String program : new String[] {"/usr/bin/chromium", "/usr/bin/chromedriver"}) {
                if (!Files.isExecutable(Path.of(program))) {
                    throw new IllegalStateException(
                            program + " is missing: apt-get install -y chromium chromium-driver (Debian's packages)");
                }
            }
            Path profile = Files.createTempDirectory("parley-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--lang=en-US",
                    "--window-size=1280,900",
                    "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            Path shots = ConsolePlatform.projectRoot().resolve("console-e2e/target/screenshots");
            Files.createDirectories(shots);
            instance = new Browser(driver, platform.console, shots);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    driver.quit();
                } catch (RuntimeException ignored) {
                    // the JVM is ending anyway
                }
            }));
        }
        return instance;
    }

    /** Signs in through Keycloak's own login page, from a browser with no cookies left. */
    void signIn(String username) {
        signOutEverywhere();
        driver.get(base + "/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(username + "-pass");
        driver.findElement(By.id("kc-login")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(base)
                && !d.findElements(By.id("who")).isEmpty());
    }

    /** Forgets every cookie of every site (console session, Keycloak session, language). */
    void signOutEverywhere() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** The console's own origin, e.g. {@code http://127.0.0.1:8080}. */
    URI origin() {
        return URI.create(base);
    }

    /** A page of another origin (a test's stand-in for another site). */
    void openElsewhere(URI page) {
        driver.get(page.toString());
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /**
     * The page's source, with the value of each CSRF token blanked: the console signs a fresh random token into
     * every page it renders (issue 13, finding 14), so two answers that must be byte-identical (an invisible case
     * and one that never existed) differ in that value alone, which says nothing about what the page is for.
     */
    String source() {
        return CSRF_VALUE.matcher(driver.getPageSource()).replaceAll("$1(csrf-token)$2");
    }

    private static final java.util.regex.Pattern CSRF_VALUE =
            java.util.regex.Pattern.compile("(name=\"csrf-token\" value=\")[^\"]*(\")");

    /** The visible text of the page. */
    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String h1() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    /** Waits (up to the suite's 20 s) until the page has this element, e.g. once a redirect has landed. */
    WebElement waitFor(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a date or month input (typing into them depends on the browser's locale). */
    void setValue(String css, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", find(css), value);
    }

    void select(String css, String value) {
        new Select(find(css)).selectByValue(value);
    }

    /** Submits a form by its submit button, and waits for the next page. */
    void submit(String formCss) {
        WebElement form = find(formCss);
        press(form, form.findElement(By.cssSelector("button[type=submit], button:not([type])")));
    }

    /** Submits a form by one of its buttons ({@code buttonCss}), and waits for the next page. */
    void press(String buttonCss) {
        WebElement button = find(buttonCss);
        press(button, button);
    }

    private void press(WebElement form, WebElement button) {
        button.click();
        // Stale once the page is replaced. Chrome sometimes reports a replaced node not as stale but as
        // "node does not belong to the document" (a plain WebDriverException): both mean the page is gone.
        wait.until(driver -> {
            try {
                form.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
    }

    /** Lets a click download files into {@code folder} (headless Chromium otherwise drops them). */
    void allowDownloads(Path folder) {
        driver.executeCdpCommand(
                "Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", folder.toString()));
    }

    /** Runs a script that ends by calling its last argument (a callback) with the result; waits up to 30 s. */
    Object asyncScript(String script, Object... args) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver.executeAsyncScript(script, args);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** Saves a PNG of the page as target/screenshots/name.png; with fullPage, the whole page is captured. */
    void screenshot(String name) {
        try {
            Long height = (Long) script("return Math.ceil(document.documentElement.scrollHeight)");
            Dimension before = driver.manage().window().getSize();
            if (height != null && height > before.getHeight()) {
                driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 140, 6000)));
            }
            File file = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(file.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            driver.manage().window().setSize(before);
        } catch (IOException e) {
            throw new IllegalStateException("screenshot " + name + " failed", e);
        }
    }
}

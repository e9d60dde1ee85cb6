package org.tallersocial.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's, never a downloaded one) at the size of
 * the screen it plays: a phone, a projector, a facilitator's laptop. Selenium
 * Manager never runs because the browser and its driver are both given.
 */
public final class Chromium implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();
    private static final Path HOME = Path.of("target", "chromium").toAbsolutePath();

    /** A cheap phone, a common laptop, a 1080p projector. */
    public enum Size {
        PHONE(390, 844, true), SMALL_PHONE(360, 740, true), CONSOLE(1366, 900, false), PROJECTOR(1920, 1080, false),
        /** The 4:3 projector still bolted to many meeting-room ceilings. */
        OLD_PROJECTOR(1024, 768, false),
        /** The most common laptop screen, for pages a facilitator reads at a desk. */
        LAPTOP(1366, 768, false);

        final int width;
        final int height;
        final boolean mobile;

        Size(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }
    }

    static {
        // Belt and braces: Selenium reads these before it would think of its manager.
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        System.setProperty("SE_AVOID_STATS", "true");
    }

    private final ChromeDriver driver;
    private final Size size;
    private final Path profile;
    /** What the browser was opened as, for the pool; null for one with extra switches, never reused. */
    private final BrowserPool.Kind kind;
    /** Origins this browser's pages came from, whose cookies and storage a reuse must wipe. */
    private final java.util.Set<String> origins = new java.util.HashSet<>();
    private Size current;

    private Chromium(ChromeDriver driver, Size size, Path profile, BrowserPool.Kind kind) {
        this.driver = driver;
        this.size = size;
        this.profile = profile;
        this.kind = kind;
        this.current = size;
    }

    /** Fails on CI (CI=true) and skips elsewhere when Debian's chromium or chromedriver is missing. */
    public static void requireInstalled() {
        if (Files.isExecutable(BINARY) && Files.isExecutable(DRIVER)) {
            return;
        }
        String message = "Browser tests need " + BINARY + " and " + DRIVER
                + " (Debian packages chromium and chromium-driver; scripts/test installs them).";
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " CI=true, so this is a failure, not a skip.");
        }
        Assumptions.abort(message + " Skipped because CI is not true.");
    }

    public static Chromium phone() {
        return open(Size.PHONE);
    }

    public static Chromium projector() {
        return open(Size.PROJECTOR);
    }

    public static Chromium console() {
        return open(Size.CONSOLE);
    }

    public static Chromium open(Size size) {
        return open(size, List.of(), 100);
    }

    /** @param extraArguments further Chromium switches, e.g. which test certificate to trust */
    public static Chromium open(Size size, List<String> extraArguments) {
        return open(size, extraArguments, 100);
    }

    /**
     * A browser whose person asked for bigger text: the default font size the page's rem and em
     * grow from, as the text-size setting of a phone or browser sets it.
     */
    public static Chromium withTextAt(Size size, int percent) {
        return open(size, List.of(), percent);
    }

    private static Chromium open(Size size, List<String> extraArguments, int textPercent) {
        requireInstalled();
        BrowserPool.Kind kind = extraArguments.isEmpty() ? new BrowserPool.Kind(size, textPercent) : null;
        Chromium idle = kind == null ? null : BrowserPool.take(kind);
        return idle != null ? idle : launch(size, extraArguments, textPercent, kind);
    }

    private static Chromium launch(Size size, List<String> extraArguments, int textPercent, BrowserPool.Kind kind) {
        try {
            Files.createDirectories(HOME);
            Path config = Files.createDirectories(HOME.resolve("xdg-config"));
            Path cache = Files.createDirectories(HOME.resolve("xdg-cache"));
            Path tmp = Files.createDirectories(HOME.resolve("tmp"));
            Path profile = Files.createTempDirectory(HOME, "profile-");

            ChromeOptions options = new ChromeOptions();
            options.setBinary(BINARY.toFile());
            // The GPU process in the browser's own (it only composites in software here), no smooth
            // scrolling, none of the features that fetch or cache for a person: the browser tests alone
            // took 514 s of the test JVMs' time with them and 416 s without (mvn test -Dtest='...browser.**').
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--no-default-browser-check", "--disable-extensions",
                    "--hide-scrollbars", "--force-color-profile=srgb", "--in-process-gpu", "--disable-smooth-scrolling",
                    "--disable-features=Translate,MediaRouter,OptimizationHints,BackForwardCache", "--lang=en-US",
                    "--user-data-dir=" + profile,
                    "--window-size=" + size.width + "," + size.height);
            if (smallSharedMemory()) {
                options.addArguments("--disable-dev-shm-usage");
            }
            options.addArguments(extraArguments);

            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            if (textPercent != 100) {
                options.setExperimentalOption("prefs", Map.of(
                        "webkit.webprefs.default_font_size", 16 * textPercent / 100,
                        "webkit.webprefs.default_fixed_font_size", 13 * textPercent / 100));
            }

            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(DRIVER.toString()))
                    .usingAnyFreePort()
                    .withLogFile(HOME.resolve("chromedriver.log").toFile())
                    // At its default level chromedriver logged every command in full (49 MB a run), at a
                    // cost in CPU; warnings are what a failed test needs.
                    .withLogLevel(org.openqa.selenium.chromium.ChromiumDriverLogLevel.WARNING)
                    .withAppendLog(true)
                    .withEnvironment(Map.of(
                            "XDG_CONFIG_HOME", config.toString(),
                            "XDG_CACHE_HOME", cache.toString(),
                            "TMPDIR", tmp.toString()))
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
            Chromium browser = new Chromium(driver, size, profile, kind);
            browser.resize(size);
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A container's /dev/shm is often 64 MB, too small for Chromium's rendering, which then crashes
     * tabs; there it must use files under TMPDIR instead. Where /dev/shm is large, it is faster.
     */
    private static boolean smallSharedMemory() {
        try {
            return Files.getFileStore(Path.of("/dev/shm")).getUsableSpace() < 1L << 30;
        } catch (IOException e) {
            return true;
        }
    }

    /** Sets the page's viewport exactly (window chrome does not eat into it), as a phone or projector has it. */
    public Chromium resize(Size to) {
        driver.manage().window().setSize(new Dimension(to.width, to.height));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", to.width, "height", to.height, "deviceScaleFactor", 1, "mobile", to.mobile));
        if (to.mobile) {
            driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
        }
        current = to;
        return this;
    }

    /** The size it was opened with. */
    public Size size() {
        return size;
    }

    public WebDriver driver() {
        return driver;
    }

    public Chromium go(String url) {
        origins.add(originOf(url));
        driver.get(url);
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits (10 s) until the condition holds and returns what it gave. */
    public <T> T await(Function<WebDriver, T> condition) {
        return await(Duration.ofSeconds(10), condition);
    }

    public <T> T await(Duration timeout, Function<WebDriver, T> condition) {
        return await(timeout, () -> "a condition", condition);
    }

    /** Waits, and says what it waited for (and where the page was) if it times out. */
    public <T> T await(Duration timeout, Supplier<String> what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> what.get() + " on " + driver.getCurrentUrl())
                .until(d -> {
                    try {
                        return condition.apply(d);
                    } catch (org.openqa.selenium.WebDriverException e) {
                        // A page being replaced: an element found on the old one can't be read any more. Look again.
                        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                            return null;
                        }
                        throw e;
                    }
                });
    }

    /** Waits until an element matching the selector is displayed and returns it. */
    public WebElement awaitVisible(String css) {
        return await(Duration.ofSeconds(10), () -> "a visible " + css, d -> d.findElements(By.cssSelector(css)).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** Waits until an element's text (its DOM text, shown or scrolled away) contains the given text. */
    public WebElement awaitText(String css, String text) {
        return await(Duration.ofSeconds(10), () -> "\"" + text + "\" in " + css + " (now: " + texts(css) + ")",
                d -> d.findElements(By.cssSelector(css)).stream()
                        .filter(e -> text(e).contains(text)).findFirst().orElse(null));
    }

    private String texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(Chromium::text)
                .map(t -> t.length() > 200 ? t.substring(0, 200) + "…" : t).toList().toString();
    }

    /** The element's DOM text: unlike getText() it does not depend on the element being on screen. */
    public static String text(WebElement element) {
        String text = element.getDomProperty("textContent");
        return text == null ? "" : text;
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * What the page's console reported as errors since the last call: script errors, refused
     * Content-Security-Policy, failed loads (the favicon, which we do not have, aside).
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !m.contains("favicon.ico"))
                .toList();
    }

    /** True when something on the page is wider than the viewport (the person would have to scroll sideways). */
    public boolean scrollsSideways() {
        return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth + 1;");
    }

    /**
     * Elements whose own text is cut off: wider than their box with the overflow hidden, or
     * reaching past the right edge of the viewport. Each as tag.class "text".
     */
    @SuppressWarnings("unchecked")
    public List<String> clippedText() {
        return (List<String>) script(String.join("\n",
                "var out = [], vw = document.documentElement.clientWidth;",
                "document.querySelectorAll('body *').forEach(function (e) {",
                "  if (!e.offsetParent && getComputedStyle(e).position !== 'fixed') { return; }",
                "  var own = Array.prototype.some.call(e.childNodes, function (n) {",
                "    return n.nodeType === 3 && n.textContent.trim().length > 0; });",
                "  if (!own) { return; }",
                "  var r = e.getBoundingClientRect(), style = getComputedStyle(e);",
                "  if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') { return; }",
                "  if (e.closest('.visually-hidden')) { return; }",
                "  for (var a = e.parentElement; a && a !== document.body; a = a.parentElement) {",
                "    var ox = getComputedStyle(a).overflowX;",
                "    if (ox === 'auto' || ox === 'scroll') { return; }",  // reachable by scrolling that region
                "  }",
                "  var label = e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined",
                "      ? '.' + e.className : '') + ' \"' + e.textContent.trim().slice(0, 40) + '\"';",
                "  if (r.right > vw + 1) { out.push(label + ' reaches ' + Math.round(r.right) + 'px of ' + vw); return; }",
                "  var hides = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';",
                "  if (hides && e.scrollWidth > e.clientWidth + 1) { out.push(label + ' is cut off'); }",
                "});",
                "return out;"));
    }

    /**
     * Puts the browser on a slow mobile network, as DevTools' "Slow 3G" does: every request
     * waits {@code latencyMillis} and bytes flow at {@code kilobytesPerSecond} each way.
     */
    public void throttle(int latencyMillis, int kilobytesPerSecond) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of(
                "offline", false, "latency", latencyMillis,
                "downloadThroughput", kilobytesPerSecond * 1024, "uploadThroughput", kilobytesPerSecond * 1024));
    }

    /** Saves what the screen shows now as target/screenshots/{name}.png. */
    public Path screenshot(String name) {
        return save(name, capture(Map.of()));
    }

    /** The whole page, below the fold too: what the person sees after scrolling. */
    public Path fullPageScreenshot(String name) {
        Number height = (Number) script("return Math.ceil(document.documentElement.scrollHeight);");
        int h = Math.max(current.height, height.intValue());
        return save(name, capture(Map.of("captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", current.width, "height", h, "scale", 1))));
    }

    /** A PNG encoded for speed rather than size: the suite takes hundreds, and the encoding was the cost. */
    private byte[] capture(Map<String, Object> options) {
        Map<String, Object> parameters = new java.util.HashMap<>(options);
        parameters.put("format", "png");
        parameters.put("optimizeForSpeed", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> shot = (Map<String, Object>) (Map<?, ?>) driver.executeCdpCommand("Page.captureScreenshot",
                parameters);
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    private static Path save(String name, byte[] png) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String originOf(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    /**
     * Makes the browser as good as new for the next test: a fresh tab (so nothing a test set on its
     * page, from network throttling to injected scripts, carries over), no cookies, no storage of any
     * origin it visited, no cache, no console messages left. False when it could not be made so.
     */
    boolean wipe() {
        try {
            origins.add(originOf(driver.getCurrentUrl()));
        } catch (RuntimeException e) {
            // an about: or data: page has no origin worth wiping
        }
        try {
            String fresh = driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB).getWindowHandle();
            for (String handle : driver.getWindowHandles()) {
                if (!handle.equals(fresh)) {
                    driver.executeCdpCommand("Target.closeTarget", Map.of("targetId", handle));
                }
            }
            driver.switchTo().window(fresh);
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
            for (String origin : origins) {
                if (origin.startsWith("http")) {
                    driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
                }
            }
            origins.clear();
            driver.manage().logs().get(LogType.BROWSER);
            resize(size);
            return driver.getWindowHandles().size() == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Back to the pool when another test can use it as new; otherwise quit. */
    @Override
    public void close() {
        if (kind == null || !BrowserPool.give(kind, this)) {
            quit();
        }
    }

    void quit() {
        try {
            driver.quit();
        } catch (RuntimeException ignored) {
            // the browser is gone already
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover profile under target/ does no harm
        }
    }
}

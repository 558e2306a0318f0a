package com.ordertracking.systemtests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.ordertracking.local.runtime.LocalRuntime;
import com.ordertracking.shared.adapters.json.Json;
import com.ordertracking.systemtests.driver.ApiResponse;
import com.ordertracking.systemtests.driver.HttpApi;
import com.ordertracking.systemtests.driver.LocalRuntimeExtension;
import com.ordertracking.systemtests.driver.TestData;
import com.ordertracking.systemtests.driver.Webhooks;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The public tracking page in a real browser: headless Chromium opens the link from the buyer's SMS, served by
 * the local runtime, at a phone and a desktop size; checks what a buyer sees (status, progress, tracking number
 * on one line, timeline in local time, the delay notice) and basic accessibility in the rendered page
 * (language, one h1, heading order, images with alt text, text contrast), and keeps full-page screenshots
 * under {@code target/tracking-page/}. Without Chromium the test is skipped on a developer's machine and fails
 * under {@code CI}, so CI always runs it ({@code .ci/run} installs Debian's {@code chromium}).
 */
@ExtendWith(LocalRuntimeExtension.class)
class TrackingPageBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern LINK = Pattern.compile("/track/([A-Za-z0-9_~-]+)");
    static final Path SCREENSHOTS = Path.of("target", "tracking-page");

    private static HeadlessChromium browser;

    private final HttpApi client;
    private final LocalRuntime runtime;
    private final String sellerId = "seller-" + UUID.randomUUID();
    private final String buyerId = "buyer-" + UUID.randomUUID();
    private final String phone = TestData.phone();
    /** USPS's 34-digit form: the longest number a phone has to show on one line. */
    private final String trackingNumber = "92612901" + String.format("%013d", ThreadLocalRandom.current()
            .nextLong(10_000_000_000_000L)) + String.format("%013d", ThreadLocalRandom.current().nextLong(10_000_000_000_000L));

    TrackingPageBrowserIT(HttpApi client, LocalRuntime runtime) {
        this.client = client;
        this.runtime = runtime;
    }

    @BeforeAll
    static void startBrowser() {
        Path binary = HeadlessChromium.find().orElse(null);
        if (binary == null) {
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
                fail("CI is set but Chromium is missing: install Debian's chromium (apt-get install -y chromium;"
                        + " .ci/run does) or point CHROMIUM at a binary");
            }
            Assumptions.abort("Chromium not found (looked at $CHROMIUM and /usr/bin/chromium): install it with"
                    + " `apt-get install -y chromium` to run the browser test; CI=true makes this a failure");
        }
        browser = HeadlessChromium.start(binary, SCREENSHOTS.resolve("chromium.log"));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @ParameterizedTest(name = "{0} {1}x{2}")
    @CsvSource({"phone, 390, 844, 2, true", "small-phone, 320, 568, 2, true", "desktop, 1280, 800, 1, false"})
    void the_tracking_page_reads_well_and_passes_basic_accessibility_checks(String device, int width, int height,
            double scale, boolean mobile) throws Exception {
        // GIVEN a parcel to San Francisco, shipped, scanned in transit by the carrier and then flagged late
        URI link = shippedScannedAndLateOrder();

        // WHEN the buyer opens the link from the SMS in a browser of this size
        HeadlessChromium.Tab tab = browser.open(width, height, scale, mobile);
        tab.navigate(link);
        Path screenshot = SCREENSHOTS.resolve(device + ".png");
        tab.screenshot(screenshot);
        JsonNode page = tab.evaluate(PAGE_FACTS);

        // THEN the status is prominent, with the progress at "On its way"
        assertThat(page.get("title").asText()).isEqualTo("Your order: On its way");
        assertThat(page.get("status").asText()).isEqualTo("On its way");
        assertThat(page.get("currentStep").asText()).isEqualTo("On its way");
        assertThat(page.get("statusFontPx").asDouble()).as("status size").isGreaterThanOrEqualTo(24);
        assertThat(page.get("stepOverlaps").asInt()).as("progress labels running into each other").isZero();

        // AND the tracking number is whole, on one line, and needs no scrolling
        JsonNode number = page.get("trackingNumber");
        assertThat(number.get("text").asText()).isEqualTo(trackingNumber);
        assertThat(number.get("whiteSpace").asText()).isEqualTo("nowrap");
        assertThat(number.get("lines").asInt()).as("lines the tracking number takes").isEqualTo(1);
        assertThat(number.get("scrollWidth").asInt()).as("tracking number fits its box")
                .isLessThanOrEqualTo(number.get("clientWidth").asInt());
        assertThat(page.get("pageScrollWidth").asInt()).as("no sideways scrolling").isLessThanOrEqualTo(width);

        // AND the timeline shows our entries and the carrier's, newest first, in the destination's local time
        List<String> entries = texts(page.get("timeline"));
        assertThat(entries).hasSizeGreaterThanOrEqualTo(4);
        assertThat(entries.getFirst()).contains("Running late");
        assertThat(String.join("\n", entries)).contains("In transit", "Oakland, CA", "Shipped", "Order placed");
        assertThat(texts(page.get("times"))).allSatisfy(t -> assertThat(t).matches(".*, \\d\\d:\\d\\d P[SD]T"));
        assertThat(page.get("footer").asText()).contains("Times are local to San Francisco, US (Pacific Time).");

        // AND the delay notice is there and looks like a warning, not like the green "latest" marker
        assertThat(page.get("notice").get("heading").asText()).isEqualTo("Running late");
        assertThat(page.get("notice").get("text").asText()).contains("has not arrived by its estimated delivery date");
        assertThat(page.get("eta").asText()).startsWith("Was due ").endsWith(", new date to be confirmed");
        assertThat(page.get("notice").get("background").asText()).isEqualTo("rgb(255, 247, 237)");
        assertThat(page.get("delayEntryDot").asText()).isEqualTo("rgb(194, 65, 12)")
                .isNotEqualTo(page.get("doneColour").asText());

        // AND basic accessibility: language, one h1, no skipped heading level, alt texts, no scripts, contrast
        assertThat(page.get("lang").asText()).isEqualTo("en");
        assertThat(page.get("h1").asInt()).isEqualTo(1);
        List<Integer> levels = new ArrayList<>();
        page.get("headings").forEach(h -> levels.add(h.asInt()));
        assertThat(levels.getFirst()).isEqualTo(1);
        for (int i = 1; i < levels.size(); i++) {
            assertThat(levels.get(i)).as("heading %d after h%d", i, levels.get(i - 1))
                    .isLessThanOrEqualTo(levels.get(i - 1) + 1);
        }
        assertThat(page.get("imagesWithoutAlt").asInt()).isZero();
        assertThat(page.get("scripts").asInt()).as("readable without JavaScript: there is none").isZero();
        assertThat(texts(page.get("lowContrast"))).as("text below WCAG AA contrast").isEmpty();
        assertThat(page.get("visibleText").asText()).doesNotContain("Ana", "Souza", "500 Market", "94105", phone,
                "12.50", "Ceramic mug");

        // AND the screenshot is kept as evidence
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.isTextual() ? node.asText() : node.toString()));
        return out;
    }

    /**
     * What the test reads from the rendered page. Contrast: each element with its own text against the first
     * opaque background behind it, 4.5:1, or 3:1 for large text (24px, or 18.66px bold).
     */
    private static final String PAGE_FACTS = """
            (() => {
              const q = s => document.querySelector(s);
              const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
              const lum = c => { const v = rgb(c).slice(0, 3).map(x => { x /= 255;
                  return x <= 0.04045 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
                  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
              const ratio = (a, b) => { const x = lum(a), y = lum(b);
                  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
              const opaque = c => { const v = rgb(c); return v.length === 3 || v[3] === 1; };
              const backgroundOf = el => { for (let e = el; e; e = e.parentElement) {
                  const b = getComputedStyle(e).backgroundColor; if (opaque(b)) return b; } return 'rgb(255, 255, 255)'; };
              const lowContrast = [];
              for (const el of document.body.querySelectorAll('*')) {
                if (el.closest('.visually-hidden')) continue;
                const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
                if (!own) continue;
                const s = getComputedStyle(el), px = parseFloat(s.fontSize), bold = parseInt(s.fontWeight) >= 700;
                const need = (px >= 24 || (bold && px >= 18.66)) ? 3 : 4.5;
                const r = ratio(s.color, backgroundOf(el));
                if (r < need) lowContrast.push(el.tagName + ' "' + el.textContent.trim().slice(0, 40) + '" '
                    + s.color + ' on ' + backgroundOf(el) + ' = ' + r.toFixed(2));
              }
              const number = q('.tracking-number');
              const range = document.createRange(); range.selectNodeContents(number);
              const delayEntry = q('.timeline li.delay');
              return {
                title: document.title,
                lang: document.documentElement.lang,
                h1: document.querySelectorAll('h1').length,
                headings: [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1]),
                imagesWithoutAlt: [...document.images].filter(i => !i.hasAttribute('alt')).length,
                scripts: document.scripts.length,
                status: q('#status').textContent.trim(),
                statusFontPx: parseFloat(getComputedStyle(q('#status')).fontSize),
                currentStep: q('[aria-current="step"] .step').textContent.trim(),
                stepOverlaps: (() => { const r = [...document.querySelectorAll('.progress .step')]
                    .map(e => e.getBoundingClientRect()).filter(b => b.width > 1);
                    let n = 0; for (let i = 1; i < r.length; i++) if (r[i - 1].right > r[i].left) n++; return n; })(),
                trackingNumber: { text: number.textContent, lines: range.getClientRects().length,
                                  scrollWidth: number.scrollWidth, clientWidth: number.clientWidth,
                                  whiteSpace: getComputedStyle(number).whiteSpace },
                pageScrollWidth: document.documentElement.scrollWidth,
                timeline: [...document.querySelectorAll('.timeline li')].map(li => li.innerText),
                times: [...document.querySelectorAll('.timeline time')].map(t => t.textContent),
                footer: q('footer').innerText,
                eta: q('.eta').innerText,
                notice: { heading: q('.notice h2').textContent, text: q('.notice').innerText,
                          background: getComputedStyle(q('.notice')).backgroundColor },
                delayEntryDot: delayEntry ? getComputedStyle(delayEntry, '::before').backgroundColor : null,
                doneColour: getComputedStyle(q('.progress .done'), '::before').backgroundColor,
                lowContrast,
                visibleText: document.body.innerText
              };
            })()
            """;

    // ------------------------------------------------------------------ the order behind the page

    /** Places, ships (estimate already passed), scans and flags an order; the link from the buyer's SMS. */
    private URI shippedScannedAndLateOrder() {
        assertThat(client.send("PUT", "/me/notification-preferences", client.token("buyer", buyerId),
                Json.write(Map.of("phone", phone, "channels", Map.of("sms", true, "email", false))), Map.of())
                .status()).isEqualTo(200);
        String seller = client.token("seller", sellerId);
        ApiResponse created = client.send("POST", "/orders", seller, TestData.orderBody(buyerId, phone), Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String orderId = created.json().get("orderId").asText();
        assertThat(client.send("POST", "/orders/" + orderId + "/process", seller, null, Map.of()).status())
                .isEqualTo(200);
        Instant eta = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        ApiResponse shipped = client.send("POST", "/orders/" + orderId + "/ship", seller,
                Json.write(Map.of("carrier", "usps", "trackingNumber", trackingNumber, "estimatedDelivery",
                        eta.toString())), Map.of());
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);

        // The carrier's scan comes after the hand-over (carrier times have whole seconds).
        Instant shippedAt = Instant.parse(shipped.json().get("shipment").get("shippedAt").asText());
        await().atMost(WAIT).until(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS).isAfter(shippedAt));
        String scan = Json.write(Map.of("eventId", "evt-" + trackingNumber, "trackingNumber", trackingNumber,
                "status", "IN_TRANSIT", "occurredAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                "location", "Oakland, CA", "description", "Departed USPS regional facility"));
        ApiResponse posted = new Webhooks(client).carrier("usps", scan);
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        await().atMost(WAIT).until(() -> "IN_TRANSIT".equals(client.send("GET", "/orders/" + orderId, seller, null,
                Map.of()).json().path("status").asText()));

        ApiResponse monitor = client.invokeScheduled("DelayMonitorFunction");
        assertThat(monitor.status()).as(monitor.body()).isEqualTo(200);
        await().atMost(WAIT).until(() -> client.send("GET", "/orders/" + orderId, seller, null, Map.of()).json()
                .hasNonNull("delay"));

        await().atMost(WAIT).until(() -> shippedSms() != null);
        Matcher link = LINK.matcher(shippedSms());
        assertThat(link.find()).as(shippedSms()).isTrue();
        // The token from the SMS, on the runtime's own address (the port is picked at random for the test).
        return runtime.baseUri().resolve("/track/" + link.group(1));
    }

    private String shippedSms() {
        return client.outbox(phone).stream().map(m -> m.path("message").asText()).filter(text -> text.startsWith("Shipped:"))
                .findFirst().orElse(null);
    }
}

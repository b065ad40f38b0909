package dev.blazebench.reports.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Takes the README's screenshot of a real run's report: opens {@code RUN_DIR/index.html} in
 * headless Chromium (as {@link ReportInBrowserTest} does), waits until every chart drew, scrolls to
 * a section and writes a PNG. A tool, not a test.
 *
 * <pre>
 * java -cp reports/target/test-classes:reports/target/classes:$(cat reports/target/cp.txt) \
 *     dev.blazebench.reports.browser.ReportScreenshot RUN_DIR docs/report-screenshot.png \
 *     [ELEMENT_ID, default scenario-fetch-1000] [HEIGHT_PX, default 1000]
 * </pre>
 */
public final class ReportScreenshot {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private ReportScreenshot() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: ReportScreenshot RUN_DIR OUT_PNG [ELEMENT_ID] [HEIGHT_PX]");
      System.exit(1);
    }
    Path page = Path.of(args[0]).resolve("index.html").toAbsolutePath();
    Path out = Path.of(args[1]);
    String element = args.length > 2 ? args[2] : "scenario-fetch-1000";
    int height = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
    Path binary =
        Chromium.find()
            .orElseThrow(
                () -> new IllegalStateException("no chromium on PATH or in BLAZEBENCH_CHROMIUM"));
    Path profile = Files.createTempDirectory("report-screenshot");
    try (Chromium chromium = Chromium.start(binary, profile, TIMEOUT);
        DevToolsSession session = DevToolsSession.openPage(chromium.port, TIMEOUT)) {
      session.send("Page.enable", Map.of(), TIMEOUT);
      session.send(
          "Emulation.setDeviceMetricsOverride",
          Map.of("width", 1280, "height", height, "deviceScaleFactor", 1, "mobile", false),
          TIMEOUT);
      session.send("Page.navigate", Map.of("url", page.toUri().toString()), TIMEOUT);
      String expected = "";
      String drawn = "-";
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (!expected.equals(drawn) && System.nanoTime() < deadline) {
        Thread.sleep(200);
        expected =
            session
                .evaluate("document.documentElement.getAttribute('data-charts-expected')", TIMEOUT)
                .asText();
        drawn =
            session
                .evaluate("document.documentElement.getAttribute('data-charts-drawn')", TIMEOUT)
                .asText();
      }
      if (!expected.equals(drawn)) {
        throw new IllegalStateException(
            page + ": " + drawn + " of " + expected + " charts drew within " + TIMEOUT);
      }
      session.evaluate(
          "document.getElementById('" + element + "').scrollIntoView(); true", TIMEOUT);
      String png =
          session
              .send("Page.captureScreenshot", Map.of("format", "png"), TIMEOUT)
              .path("data")
              .asText();
      Files.write(out, Base64.getDecoder().decode(png));
      System.out.println(out + ": " + expected + " charts drawn, section " + element);
    }
  }
}

package dev.blazebench.reports.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.model.RunResultsReader;
import dev.blazebench.reports.model.RunResultsWriter;
import dev.blazebench.reports.render.HistoryReport;
import dev.blazebench.reports.render.ReportWriter;
import dev.blazebench.reports.testing.Runs;
import dev.blazebench.reports.testing.SyntheticRun;
import dev.blazebench.reports.testing.TinyRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a written {@code index.html} in a real headless Chromium, from disk, and checks what a
 * reader would see: every chart drew (a canvas of non-zero size with pixels on it), and the console
 * stayed free of errors. Skipped, saying why, where no Chromium is installed ({@code apt-get
 * install -y chromium}). Leaves a screenshot in {@code target/report-browser/} (the README's is of
 * a real run: {@link ReportScreenshot}).
 */
class ReportInBrowserTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path folder;

  @Test
  void everyChartOfARunsReportDrawsAndTheConsoleHasNoErrors() throws Exception {
    Path binary = chromiumOrSkip();
    RunResults run =
        RunResultsReader.read(Path.of("src", "test", "resources", "golden", "results.json"));
    Path page = ReportWriter.write(run, folder.resolve("run")).html();

    checkInBrowser(binary, page, 22, true, true);
  }

  @Test
  void everyChartOfTheHistoryDrawsAndTheConsoleHasNoErrors() throws Exception {
    Path binary = chromiumOrSkip();
    Path runs = folder.resolve("runs");
    RunResults run = SyntheticRun.build();
    RunResultsWriter.writeToFolder(
        Runs.startedAt(run, Instant.parse("2026-11-01T00:00:00Z"), "aaaa"), runs.resolve("one"));
    RunResultsWriter.writeToFolder(
        Runs.startedAt(run, Instant.parse("2026-11-02T00:00:00Z"), "bbbb"), runs.resolve("two"));
    Path page = HistoryReport.write(runs, folder.resolve("history.html")).file();

    checkInBrowser(binary, page, 16, true, false);
  }

  @Test
  void aSparseRunDrawsWithoutConsoleErrors() throws Exception {
    Path binary = chromiumOrSkip();
    // No timeline, no byte or CPU figures, one result without a successful call, no codec.
    RunResults run =
        new TinyRun()
            .result("fetch-1000", "rest-json", r -> {})
            .result("fetch-1000", "grpc-blazebinary", r -> r.counts(0, 3))
            .result("realtime", "grpc-blazebinary", r -> r.p50Micros(3_000))
            .build();
    Path page = ReportWriter.write(run, folder.resolve("sparse")).html();

    checkInBrowser(binary, page, 10, false, false);
  }

  private static Path chromiumOrSkip() {
    Optional<Path> binary = Chromium.find();
    Assumptions.assumeTrue(
        binary.isPresent(),
        "no chromium binary on PATH or in BLAZEBENCH_CHROMIUM: install it with"
            + " 'apt-get install -y chromium' to run the browser test");
    return binary.get();
  }

  /**
   * Opens {@code page} and checks that {@code charts} charts drew with no console error; with
   * {@code painted}, also that each canvas carries a drawn series (not only axes).
   */
  private void checkInBrowser(
      Path binary, Path page, int charts, boolean painted, boolean screenshot) throws Exception {
    Path profile = Files.createTempDirectory(folder, "profile");
    try (Chromium chromium = Chromium.start(binary, profile, TIMEOUT);
        DevToolsSession session = DevToolsSession.openPage(chromium.port, TIMEOUT)) {
      session.send("Runtime.enable", Map.of(), TIMEOUT);
      session.send("Log.enable", Map.of(), TIMEOUT);
      session.send("Page.enable", Map.of(), TIMEOUT);
      session.send(
          "Emulation.setDeviceMetricsOverride",
          Map.of("width", 1280, "height", 1000, "deviceScaleFactor", 1, "mobile", false),
          TIMEOUT);
      session.send("Page.navigate", Map.of("url", page.toUri().toString()), TIMEOUT);

      assertThat(awaitAttribute(session, "data-charts-script", "done"))
          .as("the page's script finished")
          .isTrue();
      assertThat(
              session
                  .evaluate(
                      "document.documentElement.getAttribute('data-charts-expected')", TIMEOUT)
                  .asText())
          .isEqualTo(Integer.toString(charts));
      assertThat(
              session
                  .evaluate("document.documentElement.getAttribute('data-charts-drawn')", TIMEOUT)
                  .asText())
          .as("charts drawn")
          .isEqualTo(Integer.toString(charts));

      JsonNode canvases =
          session.evaluate(
              "Array.from(document.querySelectorAll('.chart')).map(chart => {"
                  + " const canvas = chart.querySelector('canvas');"
                  + " if (!canvas) return {id: chart.id, width: 0, height: 0, painted: 0};"
                  + " const pixels = canvas.getContext('2d')"
                  + ".getImageData(0, 0, canvas.width, canvas.height).data;"
                  + " let painted = 0;"
                  + " for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) painted++; }"
                  + " return {id: chart.id, width: canvas.width, height: canvas.height, painted};"
                  + "})",
              TIMEOUT);
      assertThat(canvases).hasSize(charts);
      for (JsonNode canvas : canvases) {
        assertThat(canvas.get("width").asInt()).as(canvas.get("id").asText()).isPositive();
        assertThat(canvas.get("height").asInt()).as(canvas.get("id").asText()).isPositive();
        // Axes and grid alone paint pixels too; a drawn series paints many more than a few.
        if (painted) {
          assertThat(canvas.get("painted").asInt())
              .as(canvas.get("id").asText())
              .isGreaterThan(1000);
        }
      }

      assertThat(consoleErrors(session)).as("console errors").isEmpty();

      if (screenshot) {
        screenshot(session);
      }
    }
  }

  /** Waits (bounded) until the root element has {@code attribute} = {@code value}. */
  private static boolean awaitAttribute(DevToolsSession session, String attribute, String value)
      throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode current =
          session.evaluate(
              "document.documentElement && document.documentElement.getAttribute('"
                  + attribute
                  + "')",
              TIMEOUT);
      if (current.asText().equals(value)) {
        return true;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
    return false;
  }

  private static List<String> consoleErrors(DevToolsSession session) {
    List<String> errors = new ArrayList<>();
    for (JsonNode event : session.events("Runtime.consoleAPICalled")) {
      String type = event.path("params").path("type").asText();
      if (type.equals("error") || type.equals("assert")) {
        errors.add("console." + type + ": " + event.path("params").path("args"));
      }
    }
    for (JsonNode event : session.events("Runtime.exceptionThrown")) {
      errors.add("exception: " + event.path("params").path("exceptionDetails"));
    }
    for (JsonNode event : session.events("Log.entryAdded")) {
      JsonNode entry = event.path("params").path("entry");
      if (entry.path("level").asText().equals("error")) {
        errors.add("log: " + entry.path("text").asText() + " " + entry.path("url").asText());
      }
    }
    return errors;
  }

  /** The fetch-1000 charts, as the README shows them. */
  private static void screenshot(DevToolsSession session) throws Exception {
    session.evaluate(
        "document.getElementById('scenario-fetch-1000').scrollIntoView(); true", TIMEOUT);
    String png =
        session
            .send("Page.captureScreenshot", Map.of("format", "png"), TIMEOUT)
            .path("data")
            .asText();
    byte[] bytes = Base64.getDecoder().decode(png);
    assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
    Path target = Files.createDirectories(Path.of("target", "report-browser"));
    Path file = target.resolve("report-screenshot.png");
    Files.write(file, bytes);
  }
}

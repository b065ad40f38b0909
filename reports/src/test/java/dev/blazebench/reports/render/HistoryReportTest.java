package dev.blazebench.reports.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.reports.model.InvalidRunException;
import dev.blazebench.reports.model.RunResultsWriter;
import dev.blazebench.reports.testing.Runs;
import dev.blazebench.reports.testing.SyntheticRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryReportTest {

  @TempDir Path directory;

  /** Writes the synthetic run as folder {@code name}, started at {@code startedAt}. */
  private void run(String name, String startedAt, String sha) {
    RunResultsWriter.writeToFolder(
        Runs.startedAt(SyntheticRun.build(), Instant.parse(startedAt), sha),
        directory.resolve(name));
  }

  @Test
  void drawsTheRunsInTheOrderTheyStarted() throws Exception {
    // Folder names sort differently from start times on purpose.
    run("b", "2026-11-01T00:00:00Z", "1111111111aaaa");
    run("a", "2026-11-03T00:00:00Z", "3333333333cccc");
    run("c", "2026-11-02T00:00:00Z", "2222222222bbbb");

    HistoryReport.Written written = HistoryReport.write(directory, directory.resolve("h.html"));

    assertThat(written.runs())
        .extracting(r -> r.environment().startedAt().toString())
        .containsExactly("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", "2026-11-03T00:00:00Z");
    String html = Files.readString(written.file());
    assertThat(html.indexOf("1111111111")).isLessThan(html.indexOf("2222222222"));
    assertThat(html.indexOf("2222222222")).isLessThan(html.indexOf("3333333333"));
    // Four scenarios x four figures.
    assertThat(html).contains("data-charts-expected=\"16\"");
    assertThat(written.skipped()).isEmpty();
  }

  @Test
  void aFolderThatCannotBeReadIsLeftOutAndNamed() throws Exception {
    run("good", "2026-11-01T00:00:00Z", "1111111111aaaa");
    Path broken = Files.createDirectories(directory.resolve("broken"));
    Files.writeString(broken.resolve("results.json"), "{\"kind\": \"blazebench-compare-results\"");

    HistoryReport.Written written = HistoryReport.write(directory, directory.resolve("h.html"));

    assertThat(written.runs()).hasSize(1);
    assertThat(written.skipped())
        .singleElement()
        .asString()
        .contains(broken.resolve("results.json").toString())
        .contains("truncated");
    assertThat(Files.readString(written.file())).contains("Left out").contains("truncated");
  }

  @Test
  void aFolderWithoutRunsIsRefused() {
    assertThatThrownBy(() -> HistoryReport.write(directory, directory.resolve("h.html")))
        .isInstanceOf(InvalidRunException.class)
        .hasMessageStartingWith(directory + ": no compare run folder");
  }

  @Test
  void aPathThatIsNotAFolderIsRefused() {
    Path missing = directory.resolve("nowhere");

    assertThatThrownBy(() -> HistoryReport.write(missing, directory.resolve("h.html")))
        .isInstanceOf(InvalidRunException.class)
        .hasMessage(missing + ": not a folder of compare runs");
  }
}

package dev.blazebench.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.harness.CliRun;
import dev.blazebench.harness.ExitCodes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

  @TempDir Path dir;

  /** A run folder holding a synthetic compare run's results.json (reports' golden fixture). */
  private Path runFolder(String name) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(name));
    try (InputStream in = getClass().getResourceAsStream("results.json")) {
      Files.write(folder.resolve("results.json"), in.readAllBytes());
    }
    return folder;
  }

  @Test
  void rewritesARunsHtmlAndSummary() throws IOException {
    Path run = runFolder("run");

    CliRun result = CliRun.run("", "report", run.toString());

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(ExitCodes.OK);
    assertThat(result.stdout())
        .isEqualTo(run.resolve("index.html") + "\n" + run.resolve("summary.md") + "\n");
    assertThat(Files.readString(run.resolve("summary.md"))).contains("## Claim check");
    assertThat(Files.readString(run.resolve("index.html"))).contains("data-charts-expected=\"22\"");
  }

  @Test
  void aFolderWithoutResultsIsBadInputNamingTheFile() {
    CliRun result = CliRun.run("", "report", dir.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.stderr())
        .startsWith("blazebench report: " + dir.resolve("results.json") + ": no such file");
  }

  @Test
  void truncatedResultsAreBadInput() throws IOException {
    Path run = runFolder("run");
    String text = Files.readString(run.resolve("results.json"));
    Files.writeString(run.resolve("results.json"), text.substring(0, 1000));

    CliRun result = CliRun.run("", "report", run.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.stderr()).contains(run.resolve("results.json") + ": truncated");
  }

  @Test
  void drawsTheHistoryOfTheRunFoldersInADirectory() throws IOException {
    runFolder("one");
    runFolder("two");
    Path page = dir.resolve("trends.html");

    CliRun result = CliRun.run("", "report", "--history", dir.toString(), "--out", page.toString());

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(ExitCodes.OK);
    assertThat(result.stdout()).isEqualTo(page + "\n");
    assertThat(result.stderr()).contains("2 runs drawn");
    assertThat(Files.readString(page)).contains("BlazeBench history, 2 runs");
  }

  @Test
  void theHistoryGoesIntoTheDirectoryByDefault() throws IOException {
    runFolder("one");

    CliRun result = CliRun.run("", "report", "--history", dir.toString());

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(ExitCodes.OK);
    assertThat(dir.resolve("history.html")).exists();
  }

  @Test
  void aRunFolderAndHistoryTogetherAreRefused() throws IOException {
    Path run = runFolder("run");

    CliRun result = CliRun.run("", "report", run.toString(), "--history", dir.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.stderr()).contains("give RUN_DIR or --history DIR, not both");
  }

  @Test
  void nothingToReportIsRefused() {
    CliRun result = CliRun.run("", "report");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.stderr()).contains("give a run folder (RUN_DIR) or --history DIR");
  }

  @Test
  void outWithoutHistoryIsRefused() throws IOException {
    Path run = runFolder("run");

    CliRun result = CliRun.run("", "report", run.toString(), "--out", "x.html");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(result.stderr()).contains("--out applies to --history only");
  }
}

package dev.blazebench.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.reports.testing.Golden;
import org.junit.jupiter.api.Test;

/** The report of a fixed synthetic run, against reviewed golden files (machine fields masked). */
class ReportGoldenTest {

  @Test
  void summaryMatchesTheGoldenFile() {
    Golden.assertMatches(
        "summary.md", GoldenRun.maskMarkdown(ReportWriter.summary(GoldenRun.load())));
  }

  @Test
  void htmlStructureMatchesTheGoldenFile() {
    Golden.assertMatches(
        "index.structure.html", GoldenRun.htmlStructure(ReportWriter.html(GoldenRun.load())));
  }

  @Test
  void maskingHidesTheMachineButKeepsTheRest() {
    String summary = GoldenRun.maskMarkdown(ReportWriter.summary(GoldenRun.load()));

    assertThat(summary)
        .contains("| JVM | (masked) |")
        .contains("| Commit | (masked) |")
        .doesNotContain("synthetic-host")
        .contains("| Reference API | rest-json |");
  }
}

package dev.blazebench.reports.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.reports.testing.Golden;
import dev.blazebench.reports.testing.SyntheticRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunResultsWriterTest {

  @Test
  void writtenResultsMatchTheGoldenFile() {
    Golden.assertMatches("results.json", RunResultsWriter.toJson(SyntheticRun.build()));
  }

  @Test
  void readingWhatWasWrittenGivesEqualResults(@TempDir Path folder) {
    RunResults written = SyntheticRun.build();
    Path file = RunResultsWriter.writeToFolder(written, folder);

    assertThat(file).isEqualTo(folder.resolve("results.json"));
    assertThat(RunResultsReader.read(folder)).isEqualTo(written);
  }

  @Test
  void writingLeavesNoTemporaryFileBehind(@TempDir Path folder) throws Exception {
    RunResultsWriter.writeToFolder(SyntheticRun.build(), folder);
    RunResultsWriter.writeToFolder(SyntheticRun.build(), folder);

    try (var files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("results.json");
    }
  }

  @Test
  void histogramsSurviveTheRoundTripExactly() {
    ApiScenarioResult result = SyntheticRun.build().find("rest-json", "fetch-1000").orElseThrow();
    var histogram = result.total().latencyMicros().decodeHistogram();

    assertThat(histogram.getTotalCount()).isEqualTo(result.total().count());
    assertThat(histogram.getValueAtPercentile(99)).isEqualTo(result.total().latencyMicros().p99());
    assertThat(Latency.of(histogram)).isEqualTo(result.total().latencyMicros());
  }
}

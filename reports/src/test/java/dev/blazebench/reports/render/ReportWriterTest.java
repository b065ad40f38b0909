package dev.blazebench.reports.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.InvalidRunException;
import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.model.RunResultsWriter;
import dev.blazebench.reports.testing.SyntheticRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

  @TempDir Path folder;

  @Test
  void writesTheHtmlAndTheSummaryBesideTheResults() throws Exception {
    RunResultsWriter.writeToFolder(SyntheticRun.build(), folder);

    ReportWriter.Written written = ReportWriter.write(folder);

    assertThat(written.html()).isEqualTo(folder.resolve("index.html"));
    assertThat(written.summary()).isEqualTo(folder.resolve("summary.md"));
    assertThat(Files.readString(written.summary())).startsWith("# BlazeBench compare, ");
    assertThat(Files.readString(written.html())).startsWith("<!DOCTYPE html>");
  }

  @Test
  void aFolderWithoutResultsIsRefusedNamingTheFile() {
    assertThatThrownBy(() -> ReportWriter.write(folder))
        .isInstanceOf(InvalidRunException.class)
        .hasMessageContaining(folder.resolve("results.json").toString());
  }

  @Test
  void thePageNeedsNoNetwork() {
    String html = ReportWriter.html(SyntheticRun.build());

    assertThat(html)
        .doesNotContainPattern("<script[^>]+src=")
        .doesNotContain("<link")
        .doesNotContain("@import")
        .doesNotContainPattern("<img[^>]+src=\"http");
    // uPlot is inlined with its license notice.
    assertThat(html).contains("Permission is hereby granted").contains("uPlot 1.6.30");
  }

  @Test
  void scriptBodiesCannotEndTheirElementEarly() {
    String html = ReportWriter.html(SyntheticRun.build());
    String data = chartDataText(html);

    assertThat(data).doesNotContain("</");
  }

  @Test
  void theSpectrumIsSampledFromTheFullHistogram() throws Exception {
    RunResults run = SyntheticRun.build();
    JsonNode charts =
        new ObjectMapper().readTree(chartDataText(ReportWriter.html(run))).get("charts");

    assertThat(charts).hasSize(22);
    JsonNode spectrum = charts.get(5); // fetch-1000 is the second scenario: charts 6 to 10
    assertThat(spectrum.get("title").asText()).startsWith("Latency by percentile, fetch-1000");
    assertThat(spectrum.get("series")).hasSize(4);
    int atNinety = indexOf(spectrum.get("x"), 10.0);
    for (JsonNode series : spectrum.get("series")) {
      ApiScenarioResult result = run.find(series.get("label").asText(), "fetch-1000").orElseThrow();
      Histogram histogram = result.total().latencyMicros().decodeHistogram();
      JsonNode values = series.get("values");
      assertThat(values.get(0).asLong()).isEqualTo(histogram.getMinValue());
      assertThat(values.get(atNinety).asLong()).isEqualTo(result.total().latencyMicros().p90());
      for (int i = 1; i < values.size(); i++) {
        assertThat(values.get(i).asDouble()).isGreaterThanOrEqualTo(values.get(i - 1).asDouble());
      }
    }
  }

  @Test
  void theClaimTableHasARowPerClaimOfTheCatalogue() {
    String summary = ReportWriter.summary(SyntheticRun.build());
    String claims = summary.substring(summary.indexOf("## Claim check"));

    assertThat(claims.lines().filter(l -> l.matches("\\| \\d+ \\|.*"))).hasSize(48);
  }

  private static int indexOf(JsonNode array, double value) {
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i).asDouble() == value) {
        return i;
      }
    }
    throw new AssertionError(value + " not in " + array);
  }

  private static String chartDataText(String html) {
    String start = "<script type=\"application/json\" id=\"report-data\">";
    int from = html.indexOf(start) + start.length();
    return html.substring(from, html.indexOf("</script>", from));
  }
}

package dev.blazebench.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.reports.claims.ClaimCatalogue;
import dev.blazebench.reports.claims.ClaimCheck;
import dev.blazebench.reports.claims.ClaimResult;
import dev.blazebench.reports.claims.Verdict;
import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.model.RunResultsReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report of a results.json as {@code blazebench compare} wrote it on this machine (a partial
 * run: two APIs, fetch-1000 only, stopped after 4 of 10 load runs), kept so the contract between
 * compare and reports is checked on real output, not only on runs made up in tests.
 */
class CompareOutputTest {

  private static final Path FILE =
      Path.of("src", "test", "resources", "compare", "partial-run-results.json");

  @Test
  void aRealPartialRunIsReadAndReported() {
    RunResults run = RunResultsReader.read(FILE);

    String summary = ReportWriter.summary(run);
    String html = ReportWriter.html(run);

    assertThat(summary)
        .contains("- partial: the compare was stopped before its end")
        .contains("| REST + JSON (rest-json) | 150 KB |");
    // fetch-1000 alone: spectrum, throughput, latency, bytes, CPU.
    assertThat(html).contains("data-charts-expected=\"5\"");
  }

  @Test
  void claimsOnScenariosThePartialRunLacksAreNotMeasured() {
    RunResults run = RunResultsReader.read(FILE);

    List<ClaimResult> results = ClaimCheck.check(ClaimCatalogue.standard(), run);

    assertThat(results)
        .filteredOn(r -> r.claim().id().equals("test1-blazebinary-4.3x-faster"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.verdict()).isEqualTo(Verdict.NOT_MEASURED);
              assertThat(r.detail()).isEqualTo("scenario insert-100 was not run");
            });
    assertThat(results)
        .filteredOn(r -> r.claim().id().equals("bandwidth-4x-less"))
        .singleElement()
        .satisfies(r -> assertThat(r.verdict()).isIn(Verdict.HOLDS, Verdict.DOES_NOT_HOLD));
  }
}

package dev.blazebench.reports.render;

import dev.blazebench.reports.claims.ClaimCatalogue;
import dev.blazebench.reports.claims.ClaimCheck;
import dev.blazebench.reports.claims.ClaimResult;
import dev.blazebench.reports.claims.Verdict;
import dev.blazebench.reports.model.RunResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a run's report says, worked out once from {@code results.json} and the claim
 * catalogue; {@link SummaryMarkdown} and {@link HtmlReport} only lay it out, so the Markdown
 * summary and the HTML page cannot disagree.
 */
record ReportView(
    String title,
    String verdictLine,
    List<String> warnings,
    List<EnvironmentRow> environment,
    List<Table> seedTables,
    Table ratios,
    List<Table> results,
    Optional<Table> codec,
    Table claims,
    List<ClaimResult> claimResults) {

  static ReportView of(RunResults run, ClaimCatalogue catalogue) {
    List<ClaimResult> claimResults = ClaimCheck.check(catalogue, run);
    return new ReportView(
        "BlazeBench compare, "
            + Fmt.time(run.environment().startedAt())
            + " ("
            + run.settings().profile()
            + ")",
        verdictLine(claimResults),
        Warnings.of(run),
        EnvironmentRow.of(run),
        SeedTables.of(run),
        RatioTable.of(run),
        ResultTables.of(run),
        CodecTable.of(run),
        ClaimTable.of(claimResults),
        claimResults);
  }

  /**
   * {@code 5 hold, 18 do not hold, 2 inconclusive, 7 not measurable here, 15 not measured in this
   * run (of 47)}.
   */
  static String verdictLine(List<ClaimResult> results) {
    Map<Verdict, Integer> counts = ClaimCheck.countByVerdict(results);
    List<String> parts = new ArrayList<>();
    for (Verdict verdict : Verdict.values()) {
      parts.add(
          counts.get(verdict)
              + " "
              + (verdict == Verdict.HOLDS && counts.get(verdict) == 1
                  ? "holds"
                  : pluralLabel(verdict)));
    }
    return String.join(", ", parts) + " (of " + results.size() + " claims in the seed)";
  }

  private static String pluralLabel(Verdict verdict) {
    return switch (verdict) {
      case HOLDS -> "hold";
      case DOES_NOT_HOLD -> "do not hold";
      default -> verdict.label();
    };
  }
}

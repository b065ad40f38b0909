package dev.blazebench.reports.render;

import dev.blazebench.reports.claims.ClaimCatalogue;
import dev.blazebench.reports.claims.ClaimCheck;
import dev.blazebench.reports.claims.ClaimResult;
import dev.blazebench.reports.model.RunResults;
import java.util.List;
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
        ClaimCheck.verdictLine(claimResults),
        Warnings.of(run),
        EnvironmentRow.of(run),
        SeedTables.of(run),
        RatioTable.of(run),
        ResultTables.of(run),
        CodecTable.of(run),
        ClaimTable.of(claimResults),
        claimResults);
  }
}

package dev.blazebench.reports.gate;

import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link GateReport} as Markdown for a pull-request comment or a CI job summary: the
 * verdict, the settings, the notes, what regressed or is unclear and why, then one table row per
 * metric (baseline median, current median, ratio with its interval, p, verdict).
 */
public final class GateMarkdown {

  private GateMarkdown() {}

  public static String render(GateReport report) {
    GateSettings settings = report.settings();
    List<MetricComparison> regressions = report.regressions();
    StringBuilder md = new StringBuilder();
    md.append("## Performance gate: ")
        .append(
            regressions.isEmpty()
                ? "pass"
                : "REGRESSION ("
                    + regressions.size()
                    + " of "
                    + report.comparisons().size()
                    + " metrics)")
        .append("\n\n");
    md.append("Baseline `")
        .append(report.baselineSource())
        .append("`, current `")
        .append(report.currentSource())
        .append("`.\n\n");
    boolean paired = report.pairedRounds();
    md.append(
            paired
                ? "Both builds ran in one interleaved run; rounds are compared as pairs. A metric"
                    + " regresses when the median of its per-round ratios moved beyond "
                : "A metric regresses when its median moved beyond ")
        .append(GateRule.percent(settings.thresholdFraction()))
        .append(
            paired
                ? " in the bad direction, the two-sided Wilcoxon signed-rank test of the log"
                    + " ratios gives p < "
                : " in the bad direction, the two-sided Mann-Whitney U test of its rounds gives"
                    + " p < ")
        .append(GateRule.formatNumber(settings.alpha()))
        .append(
            settings.familyWise()
                ? " after Holm's adjustment over the run's sampled metrics (alpha holds for the"
                    + " whole gate run)"
                : " (alpha per metric, not adjusted for their number)")
        .append(", and the whole ")
        .append(GateRule.percent(settings.confidenceLevel()))
        .append(
            paired
                ? " bootstrap interval of that median, resampling rounds (percentile, "
                : " bootstrap interval of the ratio of medians (percentile, ")
        .append(String.format(Locale.US, "%,d", settings.bootstrapResamples()))
        .append(" resamples, seed ")
        .append(settings.seed())
        .append(") lies ")
        .append(settings.strictInterval() ? "beyond the threshold" : "on the bad side of 1")
        .append(". Bytes per operation are compared exactly.\n\n");
    if (!report.notes().isEmpty()) {
      for (String note : report.notes()) {
        md.append("> ").append(escape(note)).append("\n>\n");
      }
      md.setLength(md.length() - 2);
      md.append("\n");
    }
    appendFindings(md, "Regressions", regressions);
    appendFindings(md, "Improvements", report.withVerdict(Verdict.IMPROVEMENT));
    appendFindings(
        md,
        "Unclear (beyond the threshold, not shown by the rounds)",
        report.withVerdict(Verdict.UNCLEAR));
    md.append(
        "| metric | baseline median | current median | ratio (interval) | p | p adjusted |"
            + " verdict |\n");
    md.append("|---|---:|---:|---|---:|---:|---|\n");
    for (MetricComparison c : report.comparisons()) {
      md.append("| ")
          .append(escape(c.id().name()))
          .append(" | ")
          .append(value(c.baselineValue()))
          .append(" | ")
          .append(value(c.currentValue()))
          .append(" | ")
          .append(ratio(c))
          .append(" | ")
          .append(c.rankTest() == null ? "—" : GateRule.pValue(c.rankTest().pValue()))
          .append(" | ")
          .append(Double.isNaN(c.adjustedPValue()) ? "—" : GateRule.pValue(c.adjustedPValue()))
          .append(" | ")
          .append(
              c.verdict() == Verdict.REGRESSION
                  ? "**" + c.verdict().label() + "**"
                  : c.verdict().label())
          .append(" |\n");
    }
    return md.toString();
  }

  private static void appendFindings(
      StringBuilder md, String heading, List<MetricComparison> findings) {
    if (findings.isEmpty()) {
      return;
    }
    md.append("### ").append(heading).append("\n\n");
    for (MetricComparison c : findings) {
      md.append("- **")
          .append(escape(c.id().name()))
          .append("**: ")
          .append(escape(c.reason()))
          .append("\n");
    }
    md.append("\n");
  }

  private static String ratio(MetricComparison c) {
    if (Double.isNaN(c.ratio())) {
      return "—";
    }
    String point = Double.isInfinite(c.ratio()) ? "∞" : GateRule.ratioText(c.ratio());
    if (c.exact()) {
      return point + " (exact)";
    }
    return point
        + " ["
        + GateRule.ratioText(c.interval().lower())
        + ", "
        + GateRule.ratioText(c.interval().upper())
        + "]";
  }

  /** Figures as people read them: thousands separated, decimals only where they matter. */
  static String value(double value) {
    if (Double.isNaN(value)) {
      return "—";
    }
    return Math.abs(value) >= 100
        ? String.format(Locale.US, "%,.0f", value)
        : String.format(Locale.US, "%,.2f", value);
  }

  /** Keeps a pipe in a name or reason from breaking the table. */
  private static String escape(String text) {
    return text.replace("|", "\\|");
  }
}

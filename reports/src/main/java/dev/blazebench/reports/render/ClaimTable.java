package dev.blazebench.reports.render;

import dev.blazebench.reports.claims.ClaimResult;
import dev.blazebench.reports.claims.Verdict;
import java.util.List;

/** The claim check as a table: one row per claim of the seed, in the seed's order of claims. */
final class ClaimTable {

  private ClaimTable() {}

  static Table of(List<ClaimResult> results) {
    Table.Builder table =
        new Table.Builder("claims", "Claim check")
            .note(
                "Every quantitative claim of the seed design document, from the catalogue"
                    + " reports/src/main/resources/claims.json. \"format\" claims are about"
                    + " BlazeBinary itself (sizes, codec speed); \"implementation\" claims are"
                    + " absolute timings, which belong to one implementation on one machine (the"
                    + " seed's are Swift; these are the JVM here); \"system\" claims compare the APIs"
                    + " end to end. Measured: the figure and, in brackets, the range this run puts it"
                    + " in: for a figure read over rounds the 95% confidence interval of the median"
                    + " round (up to 8 rounds, their whole range), for a codec timing the fastest and"
                    + " slowest JMH iteration. A claim holds, or does not, only over the whole range;"
                    + " a range on both sides of it is inconclusive.")
            .figures("#")
            .text("Claim (seed)")
            .text("Where")
            .text("About")
            .text("Read as")
            .figures("Measured")
            .figures("Claimed")
            .text("Verdict")
            .text("Note");
    int number = 1;
    for (ClaimResult result : results) {
      var claim = result.claim();
      table.row(
          Integer.toString(number++),
          "\u201c" + claim.claim() + "\u201d",
          claim.section() + ", " + claim.linesText(),
          claim.about(),
          claim.reading(),
          result.measuredText().isEmpty() ? Fmt.NONE : result.measuredText(),
          // A claim measurable only over a link it did not run on shows its proxy, no threshold.
          claim.isMeasurable() && result.verdict() != Verdict.NOT_MEASURABLE
              ? claim.thresholdText()
              : Fmt.NONE,
          result.verdict().label(),
          result.detail());
    }
    return table.build();
  }
}

package dev.blazebench.reports.claims;

import java.util.Objects;

/**
 * What one run says about one claim.
 *
 * @param measured the metric's value (or the proxy's, for a claim not measurable here); null when
 *     the run lacks it
 * @param measuredText {@code measured} for a reader, in the claim's (or proxy's) unit; empty if
 *     none
 * @param detail one sentence: what was absent, the proxy used, or empty
 */
public record ClaimResult(
    Claim claim, Verdict verdict, Double measured, String measuredText, String detail) {

  public ClaimResult {
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(measuredText, "measuredText");
    Objects.requireNonNull(detail, "detail");
  }
}

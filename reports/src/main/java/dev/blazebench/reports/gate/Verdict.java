package dev.blazebench.reports.gate;

/** What the gate concluded about one metric. Only {@link #REGRESSION} fails the gate. */
public enum Verdict {
  /** Worse beyond the threshold, and statistically clear: fails the gate. */
  REGRESSION("regression"),
  /** Better beyond the threshold, and statistically clear. */
  IMPROVEMENT("improvement"),
  /**
   * The median moved beyond the threshold in the bad direction, but the rounds do not show it
   * clearly (too few or too noisy): not a failure, a reason to measure more rounds.
   */
  UNCLEAR("unclear"),
  /** No change beyond the threshold that the rounds show. */
  PASS("pass"),
  /** One side has no figures for this metric (not measured), or they cannot form a ratio. */
  NO_DATA("no data");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  /** The word reports show. */
  public String label() {
    return label;
  }
}

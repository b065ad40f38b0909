package dev.blazebench.reports.claims;

/** What a run says about one claim of the seed. */
public enum Verdict {
  /** Measured here, and the figure meets the claim. */
  HOLDS("holds"),
  /** Measured here, and the figure misses the claim. */
  DOES_NOT_HOLD("does not hold"),
  /**
   * This harness cannot measure the claim (battery, cost, a 10 Mbps link); a proxy figure may be
   * shown beside it.
   */
  NOT_MEASURABLE("not measurable here"),
  /** Measurable, but this run lacks the scenario, API or figure the claim needs. */
  NOT_MEASURED("not measured in this run");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  /** The words the report prints. */
  public String label() {
    return label;
  }
}

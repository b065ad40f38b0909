package dev.blazebench.reports.claims;

/** What a run says about one claim of the seed. */
public enum Verdict {
  /** Measured here, and the figure meets the claim over its whole range in this run. */
  HOLDS("holds"),
  /** Measured here, and the figure misses the claim. */
  DOES_NOT_HOLD("does not hold"),
  /**
   * Measured here, but the figure's range in this run (its rounds, or JMH iterations) lies on both
   * sides of the claim: which side the figure is on is within this run's noise, and a longer run
   * (more rounds, the full codec profile) may decide it.
   */
  INCONCLUSIVE("inconclusive"),
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

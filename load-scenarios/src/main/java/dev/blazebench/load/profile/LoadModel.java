package dev.blazebench.load.profile;

/** How load is offered: the question a run answers depends on it, so results always say which. */
public enum LoadModel {
  /**
   * Operations arrive on a schedule whatever the server does (wrk2, Gatling's open injection):
   * latency counts from each operation's intended start, so a stall shows in full.
   */
  OPEN("open model"),
  /**
   * A fixed number of operations in flight, each started when one finishes (a closed loop, JMH's or
   * h2load's default): throughput adapts to the server, and queueing delay is invisible.
   */
  CLOSED("closed model");

  private final String label;

  LoadModel(String label) {
    this.label = label;
  }

  /** "open model" or "closed model", as results and reports print it. */
  public String label() {
    return label;
  }
}

package dev.blazebench.reports.claims;

import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.RunResults;
import java.util.Optional;

/**
 * Names one API's result in one scenario, as metrics write it: {@code grpc-blazebinary}, or {@code
 * grpc-blazebinary:download-count} for one operation of a scenario that measures several.
 */
record ResultRef(String scenario, String api, String operation) {

  static ResultRef parse(String scenario, String apiAndOperation) {
    int colon = apiAndOperation.indexOf(':');
    return colon < 0
        ? new ResultRef(scenario, apiAndOperation, null)
        : new ResultRef(
            scenario, apiAndOperation.substring(0, colon), apiAndOperation.substring(colon + 1));
  }

  /** The result, or the reason the run has none. */
  Optional<ApiScenarioResult> find(RunResults run) {
    return operation == null ? run.find(api, scenario) : run.find(api, scenario, operation);
  }

  /** Why {@link #find} found nothing, in the run's terms. */
  String whyAbsent(RunResults run) {
    if (!run.settings().scenarios().contains(scenario)) {
      return "scenario " + scenario + " was not run";
    }
    if (!run.settings().apis().contains(api)) {
      return "API " + api + " was not run";
    }
    return "no result for " + this;
  }

  @Override
  public String toString() {
    return api + (operation == null ? "" : ":" + operation) + " in " + scenario;
  }
}

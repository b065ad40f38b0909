package dev.blazebench.reports.render;

import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.LoadSetting;
import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.model.TotalResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The absolute figures of each scenario, all rounds added up (histograms added, percentiles taken
 * from the sum): a property of this machine, to be read beside the ratios.
 */
final class ResultTables {

  private ResultTables() {}

  static List<Table> of(RunResults run) {
    List<Table> tables = new ArrayList<>();
    for (String scenario : run.settings().scenarios()) {
      Table.Builder table =
          new Table.Builder("results-" + scenario, "Scenario " + scenario)
              .note(loadNote(run, scenario))
              .text("API")
              .text("operation")
              .figures("calls")
              .figures("errors")
              .figures("per s")
              .figures("p50")
              .figures("p90")
              .figures("p99")
              .figures("p99.9")
              .figures("max")
              .figures("payload sent/op")
              .figures("payload received/op")
              .figures("wire sent/op")
              .figures("wire received/op")
              .figures("client CPU/op")
              .figures("server CPU/op");
      for (ApiScenarioResult result : run.results()) {
        if (!result.scenario().equals(scenario)) {
          continue;
        }
        TotalResult total = result.total();
        var latency = total.latencyMicros();
        boolean none = total.count() == 0;
        table.row(
            result.api(),
            result.operation(),
            Fmt.count(total.count()),
            Fmt.count(total.errorCount()),
            Fmt.rate(total.throughputPerSec()),
            none ? Fmt.NONE : Fmt.micros(latency.p50()),
            none ? Fmt.NONE : Fmt.micros(latency.p90()),
            none ? Fmt.NONE : Fmt.micros(latency.p99()),
            none ? Fmt.NONE : Fmt.micros(latency.p99_9()),
            none ? Fmt.NONE : Fmt.micros(latency.max()),
            Fmt.bytes(total.payloadSentPerOp()),
            Fmt.bytes(total.payloadReceivedPerOp()),
            Fmt.bytes(total.wireSentPerOp()),
            Fmt.bytes(total.wireReceivedPerOp()),
            Fmt.micros(total.clientCpuMicrosPerOp()),
            Fmt.micros(total.serverCpuMicrosPerOp()));
      }
      if (!table.isEmpty()) {
        tables.add(table.build());
      }
    }
    return tables;
  }

  private static String loadNote(RunResults run, String scenario) {
    for (LoadSetting load : run.settings().load()) {
      if (load.scenario().equals(scenario)) {
        String model =
            load.model().equals("closed")
                ? "closed model, " + load.closedInFlight() + " in flight"
                : String.format(
                    Locale.US,
                    "open model at %s/s, latency from the intended start",
                    load.targetRps() == null ? "?" : Fmt.decimal(load.targetRps(), 1));
        return "Load: "
            + model
            + "; "
            + load.connections()
            + " connection(s), at most "
            + load.maxInFlight()
            + " in flight. All rounds added up.";
      }
    }
    return "All rounds added up.";
  }
}

package dev.blazebench.reports.render;

import dev.blazebench.reports.claims.ResultField;
import dev.blazebench.reports.claims.RoundRatios;
import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.RunResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every API against the reference API, scenario by scenario, as per-round ratios: the median and
 * the range over rounds. Rounds interleave the APIs, so these ratios are what carries from one
 * machine to another; the absolute figures belong to this machine only.
 */
final class RatioTable {

  private static final List<ResultField> FIELDS =
      List.of(
          ResultField.P50_MICROS,
          ResultField.P99_MICROS,
          ResultField.THROUGHPUT_PER_SEC,
          ResultField.WIRE_RECEIVED_PER_OP,
          ResultField.CPU_MICROS_PER_OP);

  private RatioTable() {}

  static Table of(RunResults run) {
    Table.Builder table =
        new Table.Builder("ratios", "Per-round ratios to the reference API")
            .note(
                "Each cell: API / reference, the median over rounds and, in brackets, the lowest"
                    + " and highest round. Below 1 means less time, fewer bytes or less CPU than"
                    + " the reference (for throughput, below 1 means fewer calls per second). A"
                    + " scenario without the reference API ("
                    + run.settings().referenceApi()
                    + ") is compared with its first API.")
            .text("Scenario")
            .text("API")
            .text("vs")
            .figures("p50 latency")
            .figures("p99 latency")
            .figures("throughput")
            .figures("wire bytes received")
            .figures("CPU per op")
            .figures("rounds");
    for (String scenario : run.settings().scenarios()) {
      List<ApiScenarioResult> inScenario =
          run.results().stream().filter(r -> r.scenario().equals(scenario)).toList();
      // Ratios compare APIs doing the same thing: one operation at a time (sync's round trip is
      // not set against its push-to-receive).
      List<String> operations =
          inScenario.stream().map(ApiScenarioResult::operation).distinct().toList();
      for (String operation : operations) {
        List<ApiScenarioResult> sameOperation =
            inScenario.stream().filter(r -> r.operation().equals(operation)).toList();
        Optional<ApiScenarioResult> reference = referenceOf(run, sameOperation);
        if (reference.isEmpty()) {
          continue;
        }
        String referenceRef = apiRef(reference.get(), inScenario);
        for (ApiScenarioResult result : sameOperation) {
          if (result == reference.get()) {
            continue;
          }
          var row =
              new ArrayList<String>(List.of(scenario, apiRef(result, inScenario), referenceRef));
          int rounds = 0;
          for (ResultField field : FIELDS) {
            RoundRatios ratios =
                RoundRatios.of(run, scenario, apiRef(result, inScenario), referenceRef, field);
            rounds = Math.max(rounds, ratios.ratios().size());
            row.add(cell(ratios));
          }
          row.add(Integer.toString(rounds));
          table.row(row);
        }
      }
    }
    return table.build();
  }

  /**
   * Among results of one operation, the reference API's if it ran, else the first; empty when fewer
   * than two APIs ran it.
   */
  private static Optional<ApiScenarioResult> referenceOf(
      RunResults run, List<ApiScenarioResult> sameOperation) {
    if (sameOperation.size() < 2) {
      return Optional.empty();
    }
    String reference = run.settings().referenceApi();
    for (ApiScenarioResult result : sameOperation) {
      if (result.api().equals(reference)) {
        return Optional.of(result);
      }
    }
    return Optional.of(sameOperation.get(0));
  }

  /** {@code api}, or {@code api:operation} when the scenario has several operations. */
  private static String apiRef(ApiScenarioResult result, List<ApiScenarioResult> inScenario) {
    long sameApi = inScenario.stream().filter(r -> r.api().equals(result.api())).count();
    return sameApi > 1 ? result.api() + ":" + result.operation() : result.api();
  }

  private static String cell(RoundRatios ratios) {
    if (ratios.ratios().isEmpty()) {
      return Fmt.NONE;
    }
    return Fmt.ratio(ratios.median().value())
        + " ("
        + Fmt.ratio(ratios.min())
        + "–"
        + Fmt.ratio(ratios.max())
        + ")";
  }
}

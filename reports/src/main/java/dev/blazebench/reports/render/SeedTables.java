package dev.blazebench.reports.render;

import dev.blazebench.reports.claims.ResultField;
import dev.blazebench.reports.claims.RoundRatios;
import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.CodecBenchmark;
import dev.blazebench.reports.model.LoadSetting;
import dev.blazebench.reports.model.NetworkLink;
import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.model.TotalResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The seed's three benchmark tables (Insert 100, Fetch 1,000, Real-time updates) in the seed's own
 * shape, each cell as "the seed's figure | the figure measured here", so a reader can hold them
 * side by side. Figures the harness cannot measure say what stands in for them.
 */
final class SeedTables {

  private static final String NOT_RUN = "not run";

  private SeedTables() {}

  static List<Table> of(RunResults run) {
    return List.of(test1(run), test2(run), test3(run));
  }

  /** Test 1: Insert 100 Records — Encoding | Transfer | Decoding | Total. */
  private static Table test1(RunResults run) {
    Table.Builder table =
        new Table.Builder("seed-test-1", "Test 1: Insert 100 Records (scenario insert-100)")
            .note(
                "Seed figures are the seed's Swift claims; \"here\" is this run. Encoding and"
                    + " decoding here: codec-bench's time for the 1,000-record message divided by"
                    + " 10 (format only, no transport). "
                    + transferNote(run)
                    + " Total here: median latency of one insert-100 call (end to end on this"
                    + " machine). Speed-up: median over rounds of REST/JSON's median latency over"
                    + " this API's.")
            .text("API")
            .figures("Encoding (seed)")
            .figures("Encoding (here)")
            .figures("Transfer (seed)")
            .figures("Transfer (here: wire bytes sent)")
            .figures("Decoding (seed)")
            .figures("Decoding (here)")
            .figures("Total (seed)")
            .figures("Total (here, p50)")
            .figures("vs REST (seed)")
            .figures("vs REST (here)");
    String[][] seed = {
      {"rest-json", "45 ms", "80 ms", "38 ms", "163 ms", "1x"},
      {"grpc-protobuf", "12 ms", "45 ms", "10 ms", "67 ms", "2.4x faster"},
      {"grpc-blazebinary", "8 ms", "25 ms", "5 ms", "38 ms", "4.3x faster"},
    };
    for (String[] row : seed) {
      String api = row[0];
      Optional<ApiScenarioResult> result = run.find(api, "insert-100");
      String format = ApiNames.codecFormat(api);
      table.row(
          label(api),
          row[1],
          codecTenth(run, format, "encode"),
          row[2],
          result.map(r -> Fmt.bytes(r.total().wireSentPerOp())).orElse(NOT_RUN),
          row[3],
          codecTenth(run, format, "decode"),
          row[4],
          result.map(SeedTables::p50).orElse(NOT_RUN),
          row[5],
          result.isEmpty() ? NOT_RUN : speedUp(run, "insert-100", "rest-json", api));
    }
    return table.build();
  }

  /** What Test 1's transfer column can say for this run's link. */
  private static String transferNote(RunResults run) {
    NetworkLink link = run.environment().link();
    if (link == null) {
      return "Transfer is not timed apart from the call, and over loopback it takes a fraction of a"
          + " millisecond; a 10 Mbps link needs compare --link 10mbit: wire bytes sent per call"
          + " are shown instead.";
    }
    return "This run's calls crossed a link ("
        + link.describe()
        + "), so Total here includes their "
        + (link.shaped() ? "transfer" : "added delay")
        + "; transfer is not timed apart from the call: wire bytes sent per call are shown.";
  }

  /**
   * Over a shaped link compare caps the rates to what the link carries, so CPU per call mostly
   * measures the low rate (code barely warmed, a second's fixed costs on one call); the claim check
   * leaves CPU to loopback runs, and the battery columns say so.
   */
  private static String cpuOverTheLink(RunResults run) {
    NetworkLink link = run.environment().link();
    return link == null
        ? ""
        : " This run crossed a link ("
            + link.describe()
            + (link.shaped()
                ? "), with the rates of its heavier scenarios capped to it: CPU per call then"
                    + " mostly measures the low rate,"
                : "),")
            + " and the claim check leaves CPU to loopback runs; read the battery column from a"
            + " loopback run.";
  }

  /** Test 2: Fetch 1,000 Records — Size | Bandwidth | Time | Battery. */
  private static Table test2(RunResults run) {
    // The seed's REST row is gzipped JSON (150 KB): compare with rest-json-gzip when it ran.
    String restApi =
        run.find("rest-json-gzip", "fetch-1000").isPresent() ? "rest-json-gzip" : "rest-json";
    Optional<ApiScenarioResult> rest = run.find(restApi, "fetch-1000");
    Table.Builder table =
        new Table.Builder("seed-test-2", "Test 2: Fetch 1,000 Records (scenario fetch-1000)")
            .note(
                "Size here: wire bytes received per call (framing and headers included)."
                    + " Bandwidth: size as a share of the REST row's. The seed's REST size (150 KB)"
                    + " is gzipped JSON, so the REST row is "
                    + restApi
                    + " here. Time: median latency of one call. Battery is not measured: the"
                    + " battery column here is CPU time (client + server) per call as a share of"
                    + " the REST row's."
                    + cpuOverTheLink(run))
            .text("API")
            .figures("Size (seed)")
            .figures("Size (here)")
            .figures("Bandwidth (seed)")
            .figures("Bandwidth (here)")
            .figures("Time (seed)")
            .figures("Time (here, p50)")
            .figures("Battery (seed)")
            .figures("Battery (here: CPU share)");
    String[][] seed = {
      {restApi, "150 KB", "100%", "295 ms", "100%"},
      {"grpc-protobuf", "90 KB", "60%", "145 ms", "65%"},
      {"grpc-blazebinary", "60 KB", "40%", "75 ms", "42%"},
    };
    List<String[]> rows = new ArrayList<>(List.of(seed));
    if (!restApi.equals("rest-json") && run.find("rest-json", "fetch-1000").isPresent()) {
      rows.add(1, new String[] {"rest-json", Fmt.NONE, Fmt.NONE, Fmt.NONE, Fmt.NONE});
    }
    for (String[] row : rows) {
      String api = row[0];
      Optional<ApiScenarioResult> result = run.find(api, "fetch-1000");
      table.row(
          label(api),
          row[1],
          result.map(r -> Fmt.bytes(r.total().wireReceivedPerOp())).orElse(NOT_RUN),
          row[2],
          result
              .map(
                  r ->
                      share(
                          r.total().wireReceivedPerOp(),
                          rest.map(x -> x.total().wireReceivedPerOp())))
              .orElse(NOT_RUN),
          row[3],
          result.map(SeedTables::p50).orElse(NOT_RUN),
          row[4],
          result.map(r -> share(cpu(r.total()), rest.map(x -> cpu(x.total())))).orElse(NOT_RUN));
    }
    return table.build();
  }

  /** Test 3: Real-Time Updates (10 ops/sec) — Latency | Battery/hour | Data/hour. */
  private static Table test3(RunResults run) {
    double updatesPerHour =
        run.settings().load().stream()
                .filter(l -> l.scenario().equals("realtime"))
                .map(LoadSetting::targetRps)
                .filter(r -> r != null)
                .findFirst()
                .orElse(10.0)
            * 3600;
    String pollApi =
        run.find("rest-poll-5s", "realtime").isPresent()
                || run.find("rest-poll-1s", "realtime").isEmpty()
            ? "rest-poll-5s"
            : "rest-poll-1s";
    Table.Builder table =
        new Table.Builder("seed-test-3", "Test 3: Real-Time Updates (scenario realtime)")
            .note(
                "Latency here: commit to received, median (p99 in brackets). Battery is not"
                    + " measured: CPU seconds (client + server) per hour of updates stand in for it,"
                    + " at "
                    + Fmt.count(Math.round(updatesPerHour))
                    + " updates an hour. Data/hour: wire bytes one subscriber received, scaled to"
                    + " an hour."
                    + cpuOverTheLink(run))
            .text("API")
            .figures("Latency (seed)")
            .figures("Latency (here)")
            .figures("Battery/hour (seed)")
            .figures("Battery/hour (here: CPU s/hour)")
            .figures("Data/hour (seed)")
            .figures("Data/hour (here)");
    String[][] seed = {
      {pollApi, "5 s", "25%", "5 MB"},
      {"websocket-json", "200 ms", "15%", "2.5 MB"},
      {"grpc-blazebinary", "45 ms", "6%", "900 KB"},
    };
    for (String[] row : seed) {
      String api = row[0];
      Optional<ApiScenarioResult> result = run.find(api, "realtime");
      table.row(
          label(api),
          row[1],
          result
              .map(r -> p50(r) + " (" + Fmt.micros(r.total().latencyMicros().p99()) + ")")
              .orElse(NOT_RUN),
          row[2],
          result
              .map(
                  r ->
                      cpu(r.total()) == null
                          ? Fmt.NONE
                          : Fmt.decimal(cpu(r.total()) * updatesPerHour / 1e6, 2) + " s")
              .orElse(NOT_RUN),
          row[3],
          result.map(r -> Fmt.bytes(r.total().bytesPerHour())).orElse(NOT_RUN));
    }
    return table.build();
  }

  private static String label(String api) {
    return ApiNames.seedName(api) + " (" + api + ")";
  }

  private static String p50(ApiScenarioResult result) {
    return result.total().count() == 0
        ? Fmt.NONE
        : Fmt.micros(result.total().latencyMicros().p50());
  }

  private static Double cpu(TotalResult total) {
    return total.clientCpuMicrosPerOp() == null || total.serverCpuMicrosPerOp() == null
        ? null
        : total.clientCpuMicrosPerOp() + total.serverCpuMicrosPerOp();
  }

  private static String share(Double value, Optional<Double> of) {
    if (value == null || of.isEmpty() || of.get() == null || of.get() == 0) {
      return Fmt.NONE;
    }
    return Fmt.percent(value / of.get());
  }

  /** REST over {@code api}, per round, as "4.30x faster (3.9x–4.6x)". */
  private static String speedUp(RunResults run, String scenario, String reference, String api) {
    if (api.equals(reference)) {
      return "1x";
    }
    RoundRatios ratios = RoundRatios.of(run, scenario, reference, api, ResultField.P50_MICROS);
    if (!ratios.median().isPresent()) {
      return Fmt.NONE;
    }
    return Fmt.ratio(ratios.median().value())
        + " faster ("
        + Fmt.ratio(ratios.min())
        + "–"
        + Fmt.ratio(ratios.max())
        + ")";
  }

  private static String codecTenth(RunResults run, String format, String operation) {
    if (run.codec() == null || format == null) {
      return Fmt.NONE;
    }
    // The wrapped API's own format when codec-bench measured it, else plain BlazeBinary v1.
    Optional<CodecBenchmark> benchmark = run.codec().benchmark("Fetch1000", format, operation);
    if (benchmark.isEmpty() && format.startsWith("BlazeBinary")) {
      benchmark = run.codec().benchmark("Fetch1000", "BlazeBinaryV1", operation);
    }
    return benchmark
        .map(CodecBenchmark::microsPerOp)
        .map(micros -> Fmt.micros(micros / 10))
        .orElse(Fmt.NONE);
  }
}

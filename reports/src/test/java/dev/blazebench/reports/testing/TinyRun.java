package dev.blazebench.reports.testing;

import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.CodecResults;
import dev.blazebench.reports.model.Latency;
import dev.blazebench.reports.model.LoadSetting;
import dev.blazebench.reports.model.NetworkLink;
import dev.blazebench.reports.model.RoundResult;
import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.model.Settings;
import dev.blazebench.reports.model.TotalResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * A small run built figure by figure, for tests whose answer must be known exactly: each result
 * gets its per-round medians and its per-operation figures from the test.
 *
 * <pre>
 * RunResults run = new TinyRun()
 *     .result("fetch-1000", "rest-json", r -> r.p50Micros(40_000, 41_000, 39_000).wireReceived(500_000))
 *     .build();
 * </pre>
 */
public final class TinyRun {

  /** The figures of one API in one scenario; unset per-op figures stay null (not measured). */
  public static final class Figures {
    String operation = "op";
    long[] p50Micros = {1_000, 1_000, 1_000};
    long count = 100;
    long errorCount = 0;
    Double payloadSent;
    Double payloadReceived;
    Double wireSent;
    Double wireReceived;
    Double clientCpu;
    Double serverCpu;
    Double bytesPerHour;
    int saturatedRound = -1;

    public Figures operation(String name) {
      operation = name;
      return this;
    }

    public Figures p50Micros(long... perRound) {
      p50Micros = perRound;
      return this;
    }

    public Figures counts(long successes, long errors) {
      count = successes;
      errorCount = errors;
      return this;
    }

    public Figures payload(double sentPerOp, double receivedPerOp) {
      payloadSent = sentPerOp;
      payloadReceived = receivedPerOp;
      return this;
    }

    public Figures wire(double sentPerOp, double receivedPerOp) {
      wireSent = sentPerOp;
      wireReceived = receivedPerOp;
      return this;
    }

    public Figures cpu(double clientMicrosPerOp, double serverMicrosPerOp) {
      clientCpu = clientMicrosPerOp;
      serverCpu = serverMicrosPerOp;
      return this;
    }

    /** Marks round {@code round} (1-based) as one where the injector was saturated. */
    public Figures saturatedRound(int round) {
      saturatedRound = round;
      return this;
    }

    public Figures bytesPerHour(double bytes) {
      bytesPerHour = bytes;
      return this;
    }
  }

  private final Set<String> apis = new LinkedHashSet<>();
  private final Set<String> scenarios = new LinkedHashSet<>();
  private final List<ApiScenarioResult> results = new ArrayList<>();
  private CodecResults codec;
  private NetworkLink link;

  /** Adds the result of {@code api} in {@code scenario}, with the figures {@code edit} sets. */
  public TinyRun result(String scenario, String api, Consumer<Figures> edit) {
    Figures figures = new Figures();
    edit.accept(figures);
    apis.add(api);
    scenarios.add(scenario);
    results.add(resultOf(api, scenario, figures));
    return this;
  }

  /**
   * Says the run also asked for {@code api} (so a missing result is "no result", not "not run").
   */
  public TinyRun alsoApi(String api) {
    apis.add(api);
    return this;
  }

  /** Says the run's load crossed a shaped link of {@code rate} (e.g. 10mbit). */
  public TinyRun link(String rate) {
    link =
        new NetworkLink(
            rate, NetworkLink.parseRateBitsPerSecond(rate), "tbf in a network namespace (test)");
    return this;
  }

  /** Says the run's load crossed a relay adding {@code millis} each way, with no rate shaped. */
  public TinyRun delayMillis(long millis) {
    link = new NetworkLink(null, 0, millis, "user-space relay (test)");
    return this;
  }

  public TinyRun codec(CodecResults codecResults) {
    codec = codecResults;
    return this;
  }

  public RunResults build() {
    Settings settings =
        new Settings(
            "custom",
            3,
            List.copyOf(apis),
            List.copyOf(scenarios),
            "rest-json",
            5.0,
            1.0,
            1.0,
            scenarios.stream().map(s -> new LoadSetting(s, "open", 10.0, null, 1, 4)).toList(),
            codec == null ? "skipped" : "quick");
    return RunResults.of(
        SyntheticRun.environment().withLink(link), settings, List.of(), results, codec);
  }

  private static ApiScenarioResult resultOf(String api, String scenario, Figures f) {
    Histogram total = new Histogram(3);
    List<RoundResult> rounds = new ArrayList<>();
    for (int i = 0; i < f.p50Micros.length; i++) {
      long p50 = f.p50Micros[i];
      if (f.count > 0) {
        total.recordValueWithCount(p50, f.count);
      }
      rounds.add(
          new RoundResult(
              i + 1,
              SyntheticRun.STARTED_AT.plusSeconds(10L * i),
              "rounds/r0" + (i + 1) + "/" + api + "--" + scenario + "/results.json",
              5.0,
              f.count,
              f.errorCount,
              f.count / 5.0,
              p50,
              p50,
              p50,
              p50,
              p50,
              p50,
              f.payloadSent,
              f.payloadReceived,
              f.wireSent,
              f.wireReceived,
              f.clientCpu,
              f.serverCpu,
              null,
              f.saturatedRound == i + 1));
    }
    Map<String, Long> errors = new LinkedHashMap<>();
    errors.put("OTHER", f.errorCount * f.p50Micros.length);
    int roundCount = f.p50Micros.length;
    TotalResult totalResult =
        new TotalResult(
            5.0 * roundCount,
            f.count * roundCount,
            f.errorCount * roundCount,
            errors,
            f.count / 5.0,
            Latency.of(total),
            Latency.of(total),
            f.payloadSent,
            f.payloadReceived,
            f.wireSent,
            f.wireReceived,
            f.clientCpu,
            f.serverCpu,
            null,
            null,
            f.bytesPerHour);
    return new ApiScenarioResult(api, scenario, f.operation, rounds, totalResult, List.of());
  }
}

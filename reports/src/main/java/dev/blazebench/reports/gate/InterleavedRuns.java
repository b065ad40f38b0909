package dev.blazebench.reports.gate;

import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.model.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * One compare run that measured two builds, as the gate's baseline and current run. {@code compare
 * --baseline-jar} runs every API twice per round, on this build's server as {@code API} and on the
 * baseline build's server as {@code API@baseline}, one right after the other. Split apart, the two
 * halves are two runs whose rounds came from the same minutes, so a drift of the machine between
 * two separate runs cannot pass for a change of the build.
 *
 * <pre>
 * InterleavedRuns.Halves halves = InterleavedRuns.split(run, "run/results.json");
 * Gate.compare(halves.baseline(), "...", halves.current(), "...", GateSettings.defaults());
 * </pre>
 */
public final class InterleavedRuns {

  /** What {@code compare --baseline-jar} appends to an API's name for the baseline build's runs. */
  public static final String BASELINE_SUFFIX = "@baseline";

  private InterleavedRuns() {}

  /** The two builds of one run: each with the plain API names. */
  public record Halves(RunResults baseline, RunResults current) {}

  /** {@code api} as the baseline build's runs are named: {@code grpc-blazebinary@baseline}. */
  public static String baselineNameOf(String api) {
    return api + BASELINE_SUFFIX;
  }

  /** Whether {@code api} names a baseline build's runs. */
  public static boolean isBaseline(String api) {
    return api.endsWith(BASELINE_SUFFIX);
  }

  /** The API a name stands for: {@code grpc-blazebinary} for {@code grpc-blazebinary@baseline}. */
  public static String apiOf(String name) {
    return isBaseline(name) ? name.substring(0, name.length() - BASELINE_SUFFIX.length()) : name;
  }

  /**
   * Splits {@code run} into its baseline build's results (renamed to the plain API names) and this
   * build's.
   *
   * @throws IncomparableRunsException naming {@code source} if the run measured no baseline build,
   *     or an API on one build only
   */
  public static Halves split(RunResults run, String source) {
    List<String> baselineApis = new ArrayList<>();
    List<String> currentApis = new ArrayList<>();
    for (String api : run.settings().apis()) {
      (isBaseline(api) ? baselineApis : currentApis).add(apiOf(api));
    }
    if (baselineApis.isEmpty()) {
      throw new IncomparableRunsException(
          source
              + ": no API named API"
              + BASELINE_SUFFIX
              + " (APIs: "
              + String.join(", ", run.settings().apis())
              + "); an interleaved gate needs a run made with compare --baseline-jar");
    }
    if (!baselineApis.equals(currentApis)) {
      throw new IncomparableRunsException(
          source
              + ": the baseline build ran "
              + baselineApis
              + " but this build ran "
              + currentApis
              + "; every API must have run on both");
    }
    List<ApiScenarioResult> baseline = new ArrayList<>();
    List<ApiScenarioResult> current = new ArrayList<>();
    for (ApiScenarioResult result : run.results()) {
      if (isBaseline(result.api())) {
        baseline.add(renamed(result, apiOf(result.api())));
      } else {
        current.add(result);
      }
    }
    return new Halves(half(run, baselineApis, baseline), half(run, currentApis, current));
  }

  /**
   * The inverse of {@link #split}: one run holding {@code baseline}'s results as {@code
   * API@baseline} and {@code current}'s as {@code API}, each API's baseline right before it, with
   * {@code current}'s environment and settings. For tests and studies that make an interleaved run
   * from two.
   */
  public static RunResults combine(RunResults baseline, RunResults current) {
    List<String> apis = new ArrayList<>();
    for (String api : current.settings().apis()) {
      apis.add(baselineNameOf(api));
      apis.add(api);
    }
    List<ApiScenarioResult> results = new ArrayList<>();
    for (ApiScenarioResult r : baseline.results()) {
      results.add(renamed(r, baselineNameOf(r.api())));
    }
    results.addAll(current.results());
    return RunResults.of(
        current.environment(),
        current.settings().withApis(apis, current.settings().referenceApi()),
        current.warnings(),
        results,
        current.codec());
  }

  private static ApiScenarioResult renamed(ApiScenarioResult r, String api) {
    return new ApiScenarioResult(
        api, r.scenario(), r.operation(), r.rounds(), r.total(), r.timeline());
  }

  private static RunResults half(RunResults run, List<String> apis, List<ApiScenarioResult> only) {
    Settings settings = run.settings().withApis(apis, apiOf(run.settings().referenceApi()));
    return RunResults.of(run.environment(), settings, run.warnings(), only, run.codec());
  }
}

package dev.blazebench.reports.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code results.json} of one {@code blazebench compare} run folder: where it ran, what it ran,
 * the warnings, one {@link ApiScenarioResult} per API × scenario, and the codec results. The schema
 * is documented in {@code reports/README.md}; {@link RunResultsReader} reads it strictly and {@link
 * RunResultsWriter} writes it.
 *
 * <pre>
 * RunResults run = RunResultsReader.read(runFolder.resolve(RunResults.FILE_NAME));
 * run.find("grpc-blazebinary", "fetch-1000").ifPresent(r -> ...);
 * </pre>
 */
@JsonPropertyOrder({
  "kind",
  "schemaVersion",
  "environment",
  "settings",
  "warnings",
  "results",
  "codec"
})
public record RunResults(
    String kind,
    int schemaVersion,
    Environment environment,
    Settings settings,
    List<RunWarning> warnings,
    List<ApiScenarioResult> results,
    CodecResults codec) {

  /** The value of {@code kind} that says a file is a compare run's results. */
  public static final String KIND = "blazebench-compare-results";

  /**
   * The schema version this code writes (it reads 1 to this). 4: each codec benchmark has its
   * fastest and slowest iteration ({@code minMicros}, {@code maxMicros}). 3: {@code
   * serverCpuMicrosPerOp} leaves out the server's JIT compiler threads, whose share is {@code
   * serverJitCpuMicrosPerOp}, and {@code clientCpuMicrosPerOp} the driver's; in 2 and 1 both
   * counted every thread.
   */
  public static final int SCHEMA_VERSION = 4;

  /** The first schema version whose codec benchmarks record their iterations' range. */
  public static final int CODEC_ITERATION_RANGE_SINCE = 4;

  /** The first schema version whose server CPU per operation leaves out the JIT compilers. */
  public static final int SERVER_CPU_WITHOUT_JIT_SINCE = 3;

  /** The file name a run folder holds its results under. */
  public static final String FILE_NAME = "results.json";

  public RunResults {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(settings, "settings");
    warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
    results = List.copyOf(Objects.requireNonNull(results, "results"));
  }

  /** Results of this version's kind, for writers. */
  public static RunResults of(
      Environment environment,
      Settings settings,
      List<RunWarning> warnings,
      List<ApiScenarioResult> results,
      CodecResults codec) {
    return new RunResults(KIND, SCHEMA_VERSION, environment, settings, warnings, results, codec);
  }

  /**
   * The result of {@code api} in {@code scenario}, if the run measured that pair; for a scenario of
   * several operations, the first listed (see {@link #find(String, String, String)}).
   */
  public Optional<ApiScenarioResult> find(String api, String scenario) {
    return results.stream()
        .filter(r -> r.api().equals(api) && r.scenario().equals(scenario))
        .findFirst();
  }

  /** The result of {@code operation} of {@code api} in {@code scenario}, if measured. */
  public Optional<ApiScenarioResult> find(String api, String scenario, String operation) {
    return results.stream()
        .filter(
            r ->
                r.api().equals(api)
                    && r.scenario().equals(scenario)
                    && r.operation().equals(operation))
        .findFirst();
  }

  /** The same run with other results (the compare command adds them as rounds finish). */
  public RunResults withResults(List<ApiScenarioResult> newResults) {
    return new RunResults(kind, schemaVersion, environment, settings, warnings, newResults, codec);
  }
}

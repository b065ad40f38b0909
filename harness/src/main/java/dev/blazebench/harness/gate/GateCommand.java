package dev.blazebench.harness.gate;

import dev.blazebench.harness.BadInputException;
import dev.blazebench.harness.CheckFailedException;
import dev.blazebench.harness.CliStreams;
import dev.blazebench.harness.ExitCodes;
import dev.blazebench.harness.HelpOption;
import dev.blazebench.reports.gate.Gate;
import dev.blazebench.reports.gate.GateJUnitXml;
import dev.blazebench.reports.gate.GateMarkdown;
import dev.blazebench.reports.gate.GateReport;
import dev.blazebench.reports.gate.GateSettings;
import dev.blazebench.reports.gate.IncomparableRunsException;
import dev.blazebench.reports.gate.MetricComparison;
import dev.blazebench.reports.gate.Verdict;
import dev.blazebench.reports.model.InvalidRunException;
import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.model.RunResultsReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code blazebench gate}: the statistical regression gate between two compare runs. Reads both
 * results files strictly, compares every metric ({@link Gate}), writes JUnit XML and Markdown if
 * asked, prints what regressed, and exits 0 (pass), 1 (bad input) or 2 (a regression).
 */
@Command(
    name = "gate",
    sortOptions = false,
    description = {
      "Compare a compare run against a baseline run, metric by metric, and fail on a regression.",
      "For every API x scenario x operation: p50, p99, throughput and CPU per operation from the"
          + " rounds (Mann-Whitney U test, two-sided, and a percentile bootstrap interval of the"
          + " ratio of medians), bytes per operation exactly. A metric regresses only when its"
          + " median moved beyond the threshold in the bad direction, p < alpha, and the whole"
          + " (1 - alpha) interval lies on the bad side of 1 (with --strict: beyond the"
          + " threshold). The p-values are adjusted over all sampled metrics of the run (Holm),"
          + " so alpha bounds the false alarms of the whole gate run."
          + " reports/README.md, The gate, says how many rounds find what.",
      "With --interleaved, both builds come from one run made with compare --baseline-jar:"
          + " API@baseline is the baseline, API the current build, their rounds from the same"
          + " minutes."
    },
    footer = {
      "%nExamples:",
      "  blazebench gate --baseline reports/out/main --current reports/out/current",
      "  blazebench gate --baseline base --current cur --threshold 10%% --junit gate.xml"
          + " --markdown gate.md",
      "  blazebench compare --full --baseline-jar main.jar --out run && blazebench gate"
          + " --interleaved run",
      "%nExit code 2 when a metric regressed (the reports are still written)."
    })
public final class GateCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @Option(
      names = "--baseline",
      paramLabel = "RUN",
      description = "The baseline compare run: its folder or its results.json.")
  Path baseline;

  @Option(
      names = "--current",
      paramLabel = "RUN",
      description = "The run to check: its folder or its results.json.")
  Path current;

  @Option(
      names = "--interleaved",
      paramLabel = "RUN",
      description =
          "One compare run made with --baseline-jar, instead of --baseline and --current: its"
              + " API@baseline runs are the baseline, its API runs the current build.")
  Path interleaved;

  @Option(
      names = "--threshold",
      paramLabel = "PERCENT",
      defaultValue = "5%",
      converter = ThresholdConverter.class,
      description = "Smallest change that can fail the gate: 5%%, 2.5%% or 0.05. Default: 5%%.")
  double thresholdFraction;

  @Option(
      names = "--alpha",
      paramLabel = "P",
      defaultValue = "0.01",
      description =
          "Significance level of the U test, for the whole gate run (Holm's adjustment over"
              + " its sampled metrics); the bootstrap interval is at 1 - alpha. Default: 0.01.")
  double alpha;

  @Option(
      names = "--per-metric-alpha",
      description =
          "Apply alpha to each metric on its own, without adjusting for their number: finds"
              + " smaller changes with fewer rounds, but a gate run of m metrics can then raise a"
              + " false alarm in up to m x alpha of runs.")
  boolean perMetricAlpha;

  @Option(
      names = "--strict",
      description =
          "Require the whole interval beyond the threshold, not only beyond no change: fails only"
              + " changes shown to exceed the threshold, but needs far more rounds to find them.")
  boolean strictInterval;

  @Option(
      names = "--junit",
      paramLabel = "FILE",
      description = "Write JUnit XML here: one testcase per metric, a failure per regression.")
  Path junitFile;

  @Option(
      names = "--markdown",
      paramLabel = "FILE",
      description = "Write the Markdown report here (for a pull request or a CI job summary).")
  Path markdownFile;

  private final CliStreams streams;

  public GateCommand(CliStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() {
    if (!(alpha > 0 && alpha < 1)) {
      throw new BadInputException("--alpha " + alpha + " must be between 0 and 1");
    }
    GateSettings settings =
        GateSettings.defaults()
            .withThresholdFraction(thresholdFraction)
            .withAlpha(alpha)
            .withStrictInterval(strictInterval)
            .withFamilyWise(!perMetricAlpha);
    GateReport report;
    try {
      report = interleaved != null ? compareInterleaved(settings) : compareTwoRuns(settings);
    } catch (InvalidRunException | IncomparableRunsException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    if (junitFile != null) {
      write(junitFile, GateJUnitXml.render(report));
    }
    if (markdownFile != null) {
      write(markdownFile, GateMarkdown.render(report));
    }
    printSummary(report);
    List<MetricComparison> regressions = report.regressions();
    if (!regressions.isEmpty()) {
      throw new CheckFailedException(
          regressions.size()
              + (regressions.size() == 1 ? " metric regressed: " : " metrics regressed: ")
              + String.join(", ", regressions.stream().map(c -> c.id().name()).toList()));
    }
    return ExitCodes.OK;
  }

  private GateReport compareTwoRuns(GateSettings settings) {
    if (baseline == null || current == null) {
      throw new BadInputException(
          "give --baseline RUN and --current RUN, or --interleaved RUN (missing: "
              + (baseline == null ? "--baseline" : "--current")
              + ")");
    }
    Path baselineFile = resultsFile(baseline);
    Path currentFile = resultsFile(current);
    RunResults baselineRun = RunResultsReader.read(baselineFile);
    RunResults currentRun = RunResultsReader.read(currentFile);
    return Gate.compare(
        baselineRun, baselineFile.toString(), currentRun, currentFile.toString(), settings);
  }

  private GateReport compareInterleaved(GateSettings settings) {
    if (baseline != null || current != null) {
      throw new BadInputException(
          "--interleaved takes both builds from one run: leave out --baseline and --current");
    }
    Path file = resultsFile(interleaved);
    return Gate.compareInterleaved(RunResultsReader.read(file), file.toString(), settings);
  }

  private void printSummary(GateReport report) {
    PrintWriter out = streams.outText();
    for (String note : report.notes()) {
      out.println("note: " + note);
    }
    for (Verdict verdict : List.of(Verdict.REGRESSION, Verdict.UNCLEAR, Verdict.IMPROVEMENT)) {
      for (MetricComparison c : report.withVerdict(verdict)) {
        out.println(verdict.label() + ": " + c.id().name() + ": " + c.reason());
      }
    }
    out.printf(
        "blazebench gate: %s: %d metrics, %d regressed, %d unclear, %d improved, %d passed, %d"
            + " without data%n",
        report.hasRegression() ? "REGRESSION" : "pass",
        report.comparisons().size(),
        report.withVerdict(Verdict.REGRESSION).size(),
        report.withVerdict(Verdict.UNCLEAR).size(),
        report.withVerdict(Verdict.IMPROVEMENT).size(),
        report.withVerdict(Verdict.PASS).size(),
        report.withVerdict(Verdict.NO_DATA).size());
    out.flush();
  }

  /** A run folder's results.json, or the file given; the reader names it when it is missing. */
  private static Path resultsFile(Path run) {
    return Files.isDirectory(run) ? run.resolve(RunResults.FILE_NAME) : run;
  }

  private void write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException("cannot write " + file + ": " + e.getMessage(), e);
    }
    streams.err().println("blazebench gate: wrote " + file.toAbsolutePath());
  }
}

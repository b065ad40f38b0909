package dev.blazebench.harness.report;

import dev.blazebench.harness.BadInputException;
import dev.blazebench.harness.CliStreams;
import dev.blazebench.harness.ExitCodes;
import dev.blazebench.harness.HelpOption;
import dev.blazebench.reports.model.InvalidRunException;
import dev.blazebench.reports.render.HistoryReport;
import dev.blazebench.reports.render.ReportWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code blazebench report}: writes a compare run's {@code index.html} and {@code summary.md} again
 * from its {@code results.json} (after a change to the report, or to the claim catalogue), or, with
 * {@code --history}, one page of trends across many run folders.
 */
@Command(
    name = "report",
    sortOptions = false,
    description = {
      "Write a compare run's report again from its results.json: index.html (charts, the seed's"
          + " tables re-measured, the claim check; opens offline) and summary.md (the same in"
          + " Markdown, for a pull-request comment).",
      "With --history DIR: one HTML page of trends (p50, p99, throughput, wire bytes per API and"
          + " scenario) across the run folders in DIR, oldest first."
    },
    footer = {
      "%nExamples:",
      "  blazebench report reports/out/20261127T120000Z",
      "  blazebench report --history reports/out --out reports/out/history.html"
    })
public final class ReportCommand implements Callable<Integer> {

  /** The history page's name when {@code --out} is not given. */
  static final String DEFAULT_HISTORY_FILE = "history.html";

  @Mixin HelpOption help;

  @Parameters(
      arity = "0..1",
      paramLabel = "RUN_DIR",
      description = "A compare run folder (holding results.json).")
  Path runDir;

  @Option(
      names = "--history",
      paramLabel = "DIR",
      description = "Draw trends across the run folders directly under DIR instead.")
  Path historyDir;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description =
          "With --history: the page to write (default: DIR/" + DEFAULT_HISTORY_FILE + ").")
  Path outFile;

  private final CliStreams streams;

  public ReportCommand(CliStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() {
    if (runDir != null && historyDir != null) {
      throw new BadInputException("give RUN_DIR or --history DIR, not both");
    }
    if (runDir == null && historyDir == null) {
      throw new BadInputException("give a run folder (RUN_DIR) or --history DIR");
    }
    if (outFile != null && historyDir == null) {
      throw new BadInputException(
          "--out applies to --history only; a run's report is written into its folder");
    }
    try {
      return historyDir != null ? writeHistory() : writeRun();
    } catch (InvalidRunException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }

  private int writeRun() {
    ReportWriter.Written written = ReportWriter.write(runDir);
    streams.outText().println(written.html());
    streams.outText().println(written.summary());
    streams.outText().flush();
    return ExitCodes.OK;
  }

  private int writeHistory() {
    Path file = outFile != null ? outFile : historyDir.resolve(DEFAULT_HISTORY_FILE);
    HistoryReport.Written written = HistoryReport.write(historyDir, file);
    for (String skipped : written.skipped()) {
      streams.err().println("blazebench report: left out " + skipped);
    }
    streams.outText().println(written.file());
    streams.outText().flush();
    streams
        .err()
        .println(
            "blazebench report: "
                + written.runs().size()
                + " runs drawn"
                + (written.skipped().isEmpty()
                    ? ""
                    : ", " + written.skipped().size() + " left out"));
    return ExitCodes.OK;
  }
}

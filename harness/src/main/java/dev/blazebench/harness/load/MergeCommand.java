package dev.blazebench.harness.load;

import dev.blazebench.harness.BadInputException;
import dev.blazebench.harness.CliStreams;
import dev.blazebench.harness.ExitCodes;
import dev.blazebench.harness.HelpOption;
import dev.blazebench.load.results.ConsoleSummary;
import dev.blazebench.load.results.InvalidResultsException;
import dev.blazebench.load.results.LoadResults;
import dev.blazebench.load.results.Merge;
import dev.blazebench.load.results.ResultsJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code blazebench merge}: combines the results of several load drivers that ran together into one
 * results.json, by adding histograms and counters (never averaging percentiles).
 */
@Command(
    name = "merge",
    sortOptions = false,
    description = {
      "Merge the results of several load drivers that ran together (blazebench load"
          + " --start-at) into one results.json: histograms and counters are added, percentiles"
          + " computed from the sums, never averaged.",
      "Each RUN is a run folder holding results.json, or a results file itself."
    },
    footer = {"%nExample:", "  blazebench merge --out reports/out/merged run-a run-b run-c"})
public final class MergeCommand implements Callable<Integer> {

  @Mixin HelpOption help;

  @Option(
      names = {"-o", "--out"},
      required = true,
      paramLabel = "DIR",
      description = "Folder to write the merged results.json into.")
  Path outDir;

  @Parameters(arity = "1..*", paramLabel = "RUN", description = "Run folders or results files.")
  List<Path> runs;

  private final CliStreams streams;

  public MergeCommand(CliStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() {
    List<Path> files = new ArrayList<>();
    for (Path run : runs) {
      files.add(Files.isDirectory(run) ? run.resolve(ResultsJson.FILE_NAME) : run);
    }
    LoadResults merged;
    try {
      merged = Merge.files(files);
    } catch (InvalidResultsException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    Path file = outDir.resolve(ResultsJson.FILE_NAME);
    ResultsJson.write(merged, file);
    streams.outText().print(ConsoleSummary.render(merged));
    streams.outText().flush();
    streams.err().println("blazebench merge: wrote " + file.toAbsolutePath());
    return ExitCodes.OK;
  }
}

package dev.blazebench.reports.render;

import dev.blazebench.reports.claims.ClaimCatalogue;
import dev.blazebench.reports.claims.ClaimCheck;
import dev.blazebench.reports.claims.ResultField;
import dev.blazebench.reports.claims.Verdict;
import dev.blazebench.reports.model.ApiScenarioResult;
import dev.blazebench.reports.model.InvalidRunException;
import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.model.RunResultsReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Trends across many compare runs ({@code blazebench report --history DIR}): the run folders in
 * {@code DIR}, sorted by start time, drawn as one page of charts, one per scenario and key figure
 * (median and p99 latency, throughput, wire bytes received per operation) with a line per API, and
 * a table of the runs. A folder whose results cannot be read is left out and named on the page.
 *
 * <pre>
 * HistoryReport.Written page = HistoryReport.write(Path.of("reports/out"), Path.of("history.html"));
 * </pre>
 */
public final class HistoryReport {

  /** One figure drawn for each scenario, with the unit its axis shows. */
  private record Figure(ResultField field, String label, String yUnit) {}

  private static final List<Figure> FIGURES =
      List.of(
          new Figure(ResultField.P50_MICROS, "p50 latency", "micros"),
          new Figure(ResultField.P99_MICROS, "p99 latency", "micros"),
          new Figure(ResultField.THROUGHPUT_PER_SEC, "throughput", "perSec"),
          new Figure(ResultField.WIRE_RECEIVED_PER_OP, "wire bytes received per op", "bytes"));

  /**
   * What {@link #write} did.
   *
   * @param runs the runs drawn, oldest first
   * @param skipped folders left out, each with the reason
   */
  public record Written(Path file, List<RunResults> runs, List<String> skipped) {}

  private HistoryReport() {}

  /**
   * Reads every run folder directly under {@code directory} and writes the trends page to {@code
   * outFile}.
   *
   * @throws InvalidRunException if {@code directory} is not a folder or holds no readable run
   */
  public static Written write(Path directory, Path outFile) {
    if (!Files.isDirectory(directory)) {
      throw new InvalidRunException(directory + ": not a folder of compare runs");
    }
    List<RunResults> runs = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Path folder : runFolders(directory)) {
      try {
        runs.add(RunResultsReader.read(folder.resolve(RunResults.FILE_NAME)));
      } catch (InvalidRunException e) {
        skipped.add(e.getMessage());
      }
    }
    if (runs.isEmpty()) {
      throw new InvalidRunException(
          directory
              + ": no compare run folder with a readable results.json"
              + (skipped.isEmpty() ? "" : " (" + String.join("; ", skipped) + ")"));
    }
    runs.sort(Comparator.comparing(r -> r.environment().startedAt()));
    ReportWriter.writeAtomically(outFile, html(runs, skipped));
    return new Written(outFile, List.copyOf(runs), List.copyOf(skipped));
  }

  /** Sub-folders holding a results.json, by name. */
  private static List<Path> runFolders(Path directory) {
    try (Stream<Path> children = Files.list(directory)) {
      return children
          .filter(Files::isDirectory)
          .filter(child -> Files.exists(child.resolve(RunResults.FILE_NAME)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
    }
  }

  static String html(List<RunResults> runs, List<String> skipped) {
    List<Chart> charts = charts(runs);
    String title =
        "BlazeBench history, "
            + runs.size()
            + " runs from "
            + Fmt.time(runs.get(0).environment().startedAt())
            + " to "
            + Fmt.time(runs.get(runs.size() - 1).environment().startedAt());
    StringBuilder html = new StringBuilder(256 * 1024);
    UPlotAssets uplot = UPlotAssets.load();
    HtmlPage.begin(html, title, charts.size(), uplot);
    html.append("<header>\n<h1>").append(Html.escape(title)).append("</h1>\n");
    html.append(
        "<p class=\"note\">Absolute figures of different runs compare only when the runs shared a"
            + " machine and a profile; the table says which. Hover a chart for values.</p>\n");
    html.append("</header>\n");
    if (!skipped.isEmpty()) {
      html.append("<section id=\"warnings\">\n<h2>Left out</h2>\n<ul class=\"warnings\">\n");
      skipped.forEach(s -> html.append("<li>").append(Html.escape(s)).append("</li>\n"));
      html.append("</ul>\n</section>\n");
    }
    html.append("<section id=\"runs-section\">\n");
    HtmlPage.table(html, runTable(runs), "h2");
    html.append("</section>\n");
    for (String scenario : scenarios(runs)) {
      html.append("<section id=\"scenario-")
          .append(Html.escape(scenario))
          .append("\">\n<h2>Scenario ")
          .append(Html.escape(scenario))
          .append("</h2>\n");
      HtmlPage.chartGrid(html, charts, scenario);
      html.append("</section>\n");
    }
    HtmlPage.end(
        html, charts, uplot, "Written by BlazeBench from the results.json of each run folder.");
    return html.toString();
  }

  private static Set<String> scenarios(List<RunResults> runs) {
    Set<String> scenarios = new LinkedHashSet<>();
    runs.forEach(r -> scenarios.addAll(r.settings().scenarios()));
    return scenarios;
  }

  private static Table runTable(List<RunResults> runs) {
    Table.Builder table =
        new Table.Builder("runs", "Runs")
            .text("started")
            .text("commit")
            .text("profile")
            .text("machine")
            .text("APIs")
            .figures("claims holding")
            .figures("not holding")
            .figures("inconclusive");
    ClaimCatalogue catalogue = ClaimCatalogue.standard();
    for (RunResults run : runs) {
      var env = run.environment();
      Map<Verdict, Integer> verdicts = ClaimCheck.countByVerdict(ClaimCheck.check(catalogue, run));
      String sha =
          env.gitSha() == null
              ? "unknown"
              : env.gitSha().substring(0, Math.min(10, env.gitSha().length()));
      table.row(
          Fmt.time(env.startedAt()),
          sha + (Boolean.TRUE.equals(env.gitDirty()) ? " (dirty)" : ""),
          run.settings().profile() + ", " + run.settings().rounds() + " rounds",
          (env.hostName() == null ? "unknown host" : env.hostName())
              + ", "
              + env.cores()
              + " cores",
          String.join(", ", run.settings().apis()),
          Integer.toString(verdicts.get(Verdict.HOLDS)),
          Integer.toString(verdicts.get(Verdict.DOES_NOT_HOLD)),
          Integer.toString(verdicts.get(Verdict.INCONCLUSIVE)));
    }
    return table.build();
  }

  private static List<Chart> charts(List<RunResults> runs) {
    List<Double> x =
        runs.stream().map(r -> (double) r.environment().startedAt().getEpochSecond()).toList();
    List<Chart> charts = new ArrayList<>();
    for (String scenario : scenarios(runs)) {
      Set<String> names = new LinkedHashSet<>();
      for (RunResults run : runs) {
        run.results().stream()
            .filter(r -> r.scenario().equals(scenario))
            .forEach(r -> names.add(name(run, r)));
      }
      List<String> apiOrder = new ArrayList<>(names);
      for (Figure figure : FIGURES) {
        ResultField field = figure.field();
        List<Chart.Series> series = new ArrayList<>();
        for (String name : apiOrder) {
          List<Double> values = new ArrayList<>();
          for (RunResults run : runs) {
            values.add(valueOf(run, scenario, name, field));
          }
          series.add(new Chart.Series(name, values, false, apiOrder.indexOf(name)));
        }
        charts.add(
            new Chart(
                "chart-" + (charts.size() + 1),
                scenario,
                scenario + ": " + figure.label() + " by run",
                "line",
                "time",
                "run started",
                figure.yUnit(),
                false,
                List.of(),
                x,
                series));
      }
    }
    return charts;
  }

  private static String name(RunResults run, ApiScenarioResult result) {
    long sameApi =
        run.results().stream()
            .filter(r -> r.scenario().equals(result.scenario()) && r.api().equals(result.api()))
            .count();
    return sameApi > 1 ? result.api() + ":" + result.operation() : result.api();
  }

  private static Double valueOf(RunResults run, String scenario, String name, ResultField field) {
    for (ApiScenarioResult result : run.results()) {
      if (result.scenario().equals(scenario) && name(run, result).equals(name)) {
        if (field.perSuccess() && result.total().count() == 0) {
          return null;
        }
        return field.of(result.total());
      }
    }
    return null;
  }
}

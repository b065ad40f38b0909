package dev.blazebench.reports.render;

import dev.blazebench.reports.claims.ClaimCatalogue;
import dev.blazebench.reports.model.InvalidRunException;
import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.model.RunResultsReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes a compare run folder's report from its {@code results.json}: {@code index.html} (one
 * self-contained page with charts) and {@code summary.md} (the same in Markdown, for a pull-request
 * comment). The harness calls it at the end of {@code blazebench compare} and from {@code
 * blazebench report RUN_DIR}.
 *
 * <pre>
 * ReportWriter.Written files = ReportWriter.write(Path.of("reports/out/20261127T120000Z"));
 * </pre>
 */
public final class ReportWriter {

  /** The report page's file name in a run folder. */
  public static final String HTML_FILE = "index.html";

  /** The Markdown summary's file name in a run folder. */
  public static final String SUMMARY_FILE = "summary.md";

  /** The files one call wrote. */
  public record Written(Path html, Path summary) {}

  private ReportWriter() {}

  /**
   * Reads {@code runFolder/results.json} and writes the report beside it.
   *
   * @throws InvalidRunException if the results are missing or malformed (naming the file)
   */
  public static Written write(Path runFolder) {
    RunResults run = RunResultsReader.read(runFolder.resolve(RunResults.FILE_NAME));
    return write(run, runFolder);
  }

  /** Writes the report of {@code run} into {@code folder}. */
  public static Written write(RunResults run, Path folder) {
    ReportView view = ReportView.of(run, ClaimCatalogue.standard());
    Path html = folder.resolve(HTML_FILE);
    Path summary = folder.resolve(SUMMARY_FILE);
    writeAtomically(html, renderHtml(run, view));
    writeAtomically(summary, SummaryMarkdown.render(view));
    return new Written(html, summary);
  }

  /** The {@code index.html} of {@code run}. */
  public static String html(RunResults run) {
    return renderHtml(run, ReportView.of(run, ClaimCatalogue.standard()));
  }

  /** The {@code summary.md} of {@code run}. */
  public static String summary(RunResults run) {
    return SummaryMarkdown.render(ReportView.of(run, ClaimCatalogue.standard()));
  }

  private static String renderHtml(RunResults run, ReportView view) {
    List<Chart> charts = Charts.of(run);
    return HtmlReport.render(view, charts, UPlotAssets.load());
  }

  static void writeAtomically(Path file, String text) {
    Path absolute = file.toAbsolutePath();
    Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
    try {
      Files.createDirectories(absolute.getParent());
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      try {
        Files.move(
            temporary,
            absolute,
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        // Some file systems cannot rename atomically; a plain replace is the best they offer.
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}

package dev.blazebench.harness.compare;

import dev.blazebench.reports.model.InvalidRunException;
import dev.blazebench.reports.render.ReportWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes the run folder's {@code index.html} and {@code summary.md} from its {@code results.json}
 * with module reports' {@link ReportWriter}, as {@code blazebench report} would.
 */
final class ReportStep {

  private ReportStep() {}

  /**
   * Writes the report; returns index.html, or null (saying why on the console) if it could not be
   * written: the measurements are in results.json either way, and a failed report must not lose
   * them.
   */
  static Path write(Path runFolder, PrintWriter console) {
    try {
      return ReportWriter.write(runFolder).html();
    } catch (InvalidRunException | UncheckedIOException e) {
      console.println("blazebench compare: the report could not be written: " + e.getMessage());
      return null;
    }
  }
}

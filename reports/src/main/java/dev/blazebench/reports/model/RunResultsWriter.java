package dev.blazebench.reports.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes {@code results.json}: indented, fields in the documented order, ending with a newline. The
 * file is written beside its final name and moved into place, so a reader never sees half a file (a
 * compare run that is stopped keeps the last complete one).
 */
public final class RunResultsWriter {

  private RunResultsWriter() {}

  /** The document as JSON text. */
  public static String toJson(RunResults results) {
    try {
      return RunResultsJson.MAPPER.writeValueAsString(results) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write results as JSON: " + e.getMessage(), e);
    }
  }

  /** Writes {@code results} to {@code file}, creating its folder. */
  public static void write(RunResults results, Path file) {
    Path absolute = file.toAbsolutePath();
    Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
    try {
      Files.createDirectories(absolute.getParent());
      Files.writeString(temporary, toJson(results), StandardCharsets.UTF_8);
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

  /** Writes {@code results} as {@code runFolder/results.json}; returns that file. */
  public static Path writeToFolder(RunResults results, Path runFolder) {
    Path file = runFolder.resolve(RunResults.FILE_NAME);
    write(results, file);
    return file;
  }
}

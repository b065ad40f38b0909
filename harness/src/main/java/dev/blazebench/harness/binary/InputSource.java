package dev.blazebench.harness.binary;

import dev.blazebench.harness.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a command reads its input: a file, or standard input for {@code -}.
 *
 * @param file the file, or null for standard input
 */
public record InputSource(Path file) {

  /** Standard input. */
  public static final InputSource STDIN = new InputSource(null);

  /** The source an argument names: {@code -} is standard input, anything else a file path. */
  public static InputSource of(String argument) {
    return "-".equals(argument) ? STDIN : new InputSource(Path.of(argument));
  }

  /** All the bytes; a missing or unreadable file is bad input, named. */
  public byte[] readAllBytes(InputStream stdin) {
    try {
      return file == null ? stdin.readAllBytes() : Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException("cannot read " + displayName() + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new BadInputException("cannot read " + displayName() + ": permission denied", e);
    } catch (IOException e) {
      throw new BadInputException("cannot read " + displayName() + ": " + e.getMessage(), e);
    }
  }

  /** For messages: {@code 'bug.bin'} or {@code standard input}. */
  public String displayName() {
    return file == null ? "standard input" : "'" + file + "'";
  }
}

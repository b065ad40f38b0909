package dev.blazebench.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Standard input, output and error as the commands see them: the process's own in {@code main},
 * byte arrays in tests. Output is both text (help, JSON) and raw bytes (encoded BlazeBinary), so
 * this holds the byte stream and a UTF-8 writer over it, and flushes the writer before bytes go
 * out.
 */
public final class CliStreams {

  private final InputStream in;
  private final OutputStream out;
  private final PrintWriter outText;
  private final PrintWriter err;
  private final boolean stdoutIsTerminal;

  private CliStreams(InputStream in, OutputStream out, OutputStream err, boolean stdoutIsTerminal) {
    this.in = in;
    this.out = out;
    this.outText = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    this.err = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    this.stdoutIsTerminal = stdoutIsTerminal;
  }

  /** The process's standard streams. */
  public static CliStreams system() {
    return new CliStreams(System.in, System.out, System.err, detectStdoutTerminal());
  }

  /** Given streams, for tests and embedding. */
  public static CliStreams of(
      InputStream in, OutputStream out, OutputStream err, boolean stdoutIsTerminal) {
    return new CliStreams(in, out, err, stdoutIsTerminal);
  }

  public InputStream in() {
    return in;
  }

  /** Text output (UTF-8). */
  public PrintWriter outText() {
    return outText;
  }

  public PrintWriter err() {
    return err;
  }

  /** True when standard output is a terminal, where raw bytes would garble the screen. */
  public boolean stdoutIsTerminal() {
    return stdoutIsTerminal;
  }

  /** Writes raw bytes to standard output, after any text already written. */
  public void writeBytes(byte[] bytes) throws IOException {
    outText.flush();
    out.write(bytes);
    out.flush();
  }

  /**
   * Java 17 cannot ask whether stdout alone is a terminal ({@code System.console()} needs stdin
   * too), so on Linux we look at what file descriptor 1 is. Elsewhere we say no: the check only
   * guards against garbling a screen, and must never block a pipe.
   */
  private static boolean detectStdoutTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }
}

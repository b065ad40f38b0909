package dev.blazebench.harness.compare;

import dev.blazebench.harness.CliStreams;
import dev.blazebench.harness.ExitCodes;
import dev.blazebench.harness.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The codec benchmarks of a compare: {@code blazebench codec --quick --include REGEX --out
 * <run>/codec}, run in this JVM through the same command line a user types (which builds the
 * benchmarks jar when it is missing or stale, runs the size report and JMH in child JVMs, and
 * writes jmh.json, sizes.json and codec.md). Its chatter goes to {@code codec/console.log}; the
 * console gets one line per benchmark.
 */
final class CodecStep {

  private CodecStep() {}

  /**
   * Runs the codec command into {@code codecDir}; returns its exit code ({@link ExitCodes}).
   *
   * @param onBenchmark called with each benchmark's name as JMH starts it
   */
  static int run(Path codecDir, String include, Consumer<String> onBenchmark) throws IOException {
    Files.createDirectories(codecDir);
    Path consoleLog = codecDir.resolve("console.log");
    int exit;
    try (OutputStream log = Files.newOutputStream(consoleLog);
        LineWatcher err = new LineWatcher(log, onBenchmark)) {
      ByteArrayOutputStream table = new ByteArrayOutputStream();
      CliStreams streams = CliStreams.of(InputStream.nullInputStream(), table, err, false);
      exit =
          Main.newCommandLine(streams)
              .execute("codec", "--quick", "--include", include, "--out", codecDir.toString());
      streams.outText().flush();
      streams.err().flush();
      log.write(table.toByteArray());
    }
    deleteJmhTemp(codecDir.resolve("tmp"));
    return exit;
  }

  /** JMH's private temp folder (its lock file) is of no use once the run is over. */
  private static void deleteJmhTemp(Path tmp) throws IOException {
    if (!Files.isDirectory(tmp)) {
      return;
    }
    try (var files = Files.list(tmp)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      return; // a leftover lock file does no harm
    }
    Files.deleteIfExists(tmp);
  }

  /** Copies bytes to the log and hands every "# Benchmark: NAME" line's name to a callback. */
  private static final class LineWatcher extends OutputStream {
    private static final String MARK = "# Benchmark: ";
    private final OutputStream log;
    private final Consumer<String> onBenchmark;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineWatcher(OutputStream log, Consumer<String> onBenchmark) {
      this.log = log;
      this.onBenchmark = onBenchmark;
    }

    @Override
    public void write(int b) throws IOException {
      log.write(b);
      if (b == '\n') {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.startsWith(MARK)) {
          onBenchmark.accept(text.substring(MARK.length()).strip());
        }
      } else {
        line.write(b);
      }
    }

    @Override
    public void flush() throws IOException {
      log.flush();
    }
  }
}

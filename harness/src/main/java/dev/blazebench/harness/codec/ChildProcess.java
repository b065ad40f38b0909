package dev.blazebench.harness.codec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Runs one child process (the build, the size report, JMH) to its end, copying its output line by
 * line to the user's stderr as progress and, when given, to a log file. Its stdin is closed at
 * once, so nothing waits for input.
 */
final class ChildProcess {

  private ChildProcess() {}

  /**
   * Runs {@code command} in {@code workDir} and returns its exit code.
   *
   * @param log file to append the output to, or null
   */
  static int run(List<String> command, Path workDir, PrintWriter progress, Path log)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    // Ctrl-C ends this JVM without running finally blocks: take the child (and JMH's forks) along.
    Thread killChild = new Thread(process::destroy);
    Runtime.getRuntime().addShutdownHook(killChild);
    try (BufferedReader output =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer logWriter =
            log == null
                ? Writer.nullWriter()
                : Files.newBufferedWriter(
                    log,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
      String line;
      while ((line = output.readLine()) != null) {
        progress.println(line);
        logWriter.write(line);
        logWriter.write('\n');
      }
      progress.flush();
      return process.waitFor();
    } finally {
      process.destroy();
      Runtime.getRuntime().removeShutdownHook(killChild);
    }
  }
}

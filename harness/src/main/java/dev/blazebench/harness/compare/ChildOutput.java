package dev.blazebench.harness.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A child process whose output (stdout and stderr together) is copied to its log file, line by
 * line, on a daemon thread that hands each line to a watcher (which looks for the child's ready
 * line). Drained all the time: a child blocked on a full pipe would measure the pipe.
 *
 * @param process the child
 * @param pump the thread copying its output
 */
record ChildOutput(Process process, Thread pump) {

  /**
   * Starts {@code command} with its standard input closed: every line of its output goes to {@code
   * log} (created, with its folder) and then to {@code eachLine}; {@code atEnd} runs once the
   * output has ended or failed. The pump thread is named {@code name-PID}.
   */
  static ChildOutput start(
      List<String> command, Path log, Consumer<String> eachLine, Runnable atEnd, String name)
      throws IOException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    Writer logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
    Thread pump =
        new Thread(() -> copy(process, logWriter, eachLine, atEnd), name + "-" + process.pid());
    pump.setDaemon(true);
    pump.start();
    return new ChildOutput(process, pump);
  }

  private static void copy(Process process, Writer log, Consumer<String> eachLine, Runnable atEnd) {
    try (BufferedReader output =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer writer = log) {
      String line;
      while ((line = output.readLine()) != null) {
        writer.write(line);
        writer.write('\n');
        writer.flush();
        eachLine.accept(line);
      }
    } catch (IOException e) {
      // The log could not be written or the pipe broke: the child's end shows in its exit.
    } finally {
      atEnd.run();
    }
  }
}

package dev.blazebench.harness;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** One in-process run of the {@code blazebench} command line, with its output captured. */
public record CliRun(int exitCode, byte[] stdoutBytes, String stderr) {

  public static CliRun run(String stdin, String... args) {
    return run(stdin.getBytes(StandardCharsets.UTF_8), false, args);
  }

  public static CliRun run(byte[] stdin, boolean stdoutIsTerminal, String... args) {
    return runWith(new Object[0], stdin, stdoutIsTerminal, args);
  }

  /** As {@link #run(byte[], boolean, String...)}, with commands added by the test. */
  public static CliRun runWith(
      Object[] extraSubcommands, byte[] stdin, boolean stdoutIsTerminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliStreams streams = CliStreams.of(new ByteArrayInputStream(stdin), out, err, stdoutIsTerminal);
    CommandLine commandLine = Main.newCommandLine(streams, extraSubcommands);
    int exitCode = commandLine.execute(args);
    streams.outText().flush();
    streams.err().flush();
    return new CliRun(exitCode, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
  }

  public String stdout() {
    return new String(stdoutBytes, StandardCharsets.UTF_8);
  }
}

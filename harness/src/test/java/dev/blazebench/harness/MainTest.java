package dev.blazebench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class MainTest {

  private static final byte[] NO_INPUT = new byte[0];

  @Test
  void helpListsTheSubcommandsAndExitCodes() {
    CliRun run = CliRun.run("", "--help");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.stdout())
        .contains("Usage: blazebench")
        .contains("Commands:")
        .contains("  binary ")
        .contains("Exit codes:")
        .contains("2   an assertion or regression check failed");
    assertThat(run.stderr()).isEmpty();
  }

  @Test
  void everySubcommandHasHelp() {
    for (String[] args :
        new String[][] {
          {"binary", "--help"}, {"binary", "decode", "--help"}, {"binary", "encode", "-h"}
        }) {
      CliRun run = CliRun.run("", args);

      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.OK);
      assertThat(run.stdout()).as(String.join(" ", args)).startsWith("Usage: blazebench binary");
    }
  }

  /**
   * Every command's help renders without picocli's "Could not format" warning: a description is a
   * format string, so a lone '%' (as in "4% in CPU") is an error that picocli prints to System.err
   * beside the help, where {@link CliRun} does not capture it.
   */
  @Test
  void everyCommandsHelpFormatsCleanly() {
    CommandLine root =
        Main.newCommandLine(
            CliStreams.of(
                new ByteArrayInputStream(NO_INPUT),
                new ByteArrayOutputStream(),
                new ByteArrayOutputStream(),
                false));
    List<CommandLine> commands = new ArrayList<>();
    addWithSubcommands(root, commands);
    ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
    try {
      for (CommandLine command : commands) {
        assertThat(command.getUsageMessage()).as(command.getCommandName()).contains("Usage:");
      }
    } finally {
      System.setErr(original);
    }
    assertThat(commands).hasSizeGreaterThan(5);
    assertThat(systemErr.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  private static void addWithSubcommands(CommandLine command, List<CommandLine> into) {
    into.add(command);
    for (CommandLine sub : command.getSubcommands().values()) {
      addWithSubcommands(sub, into);
    }
  }

  @Test
  void binaryHelpListsDecodeAndEncode() {
    assertThat(CliRun.run("", "binary", "--help").stdout())
        .contains("  decode ")
        .contains("  encode ");
  }

  @Test
  void versionPrintsTheProjectVersion() {
    CliRun run = CliRun.run("", "--version");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.stdout()).startsWith("blazebench " + ProjectVersion.projectVersion() + "\n");
    assertThat(ProjectVersion.projectVersion()).doesNotContain("${").isNotBlank();
  }

  @Test
  void unknownOptionIsBadInputWithAClearMessage() {
    CliRun run = CliRun.run("", "binary", "decode", "--bogus");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr())
        .startsWith("blazebench binary decode: Unknown option: '--bogus'")
        .contains("Try 'blazebench binary decode --help' for usage.");
    assertThat(run.stdoutBytes()).isEmpty();
  }

  @Test
  void unknownOptionAtTheTopIsBadInput() {
    CliRun run = CliRun.run("", "--verbose");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr()).startsWith("blazebench: Unknown option: '--verbose'");
  }

  @Test
  void unknownCommandIsBadInput() {
    CliRun run = CliRun.run("", "serve-forever");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr()).contains("serve-forever");
  }

  @Test
  void noCommandIsBadInput() {
    CliRun run = CliRun.run("");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr()).contains("Missing required subcommand");
  }

  @Test
  void failedCheckExitsWithTwo() {
    CliRun run = runWith(new Failing(new CheckFailedException("p99 regressed by 31%")));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
    assertThat(run.stderr()).isEqualTo("blazebench failing: p99 regressed by 31%\n");
  }

  @Test
  void badInputExceptionExitsWithOneAndNoStackTrace() {
    CliRun run = runWith(new Failing(new BadInputException("no such scenario 'x'")));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.stderr()).isEqualTo("blazebench failing: no such scenario 'x'\n");
  }

  @Test
  void unexpectedExceptionIsAnInternalErrorWithItsStackTrace() {
    CliRun run = runWith(new Failing(new IllegalStateException("oops")));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
    assertThat(run.stderr())
        .startsWith("blazebench failing: internal error: java.lang.IllegalStateException: oops")
        .contains("\tat ");
  }

  private static CliRun runWith(Failing command) {
    return CliRun.runWith(new Object[] {command}, NO_INPUT, false, "failing");
  }

  /** A command added by the test, as a future subcommand would be, that throws {@code error}. */
  @Command(name = "failing")
  static final class Failing implements Callable<Integer> {
    private final RuntimeException error;

    Failing(RuntimeException error) {
      this.error = error;
    }

    @Override
    public Integer call() {
      throw error;
    }
  }

  @Test
  void commandsWithAStreamsConstructorGetTheStreams() throws Exception {
    CliStreams streams = CliStreams.of(System.in, System.out, System.err, false);

    WithStreams created = new CommandFactory(streams).create(WithStreams.class);

    assertThat(created.streams).isSameAs(streams);
    assertThat(new CommandFactory(streams).create(HelpOption.class)).isNotNull();
  }

  /** Needs a public constructor taking the streams, as subcommands do. */
  public static final class WithStreams {
    final CliStreams streams;

    public WithStreams(CliStreams streams) {
      this.streams = streams;
    }
  }
}

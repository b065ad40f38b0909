package dev.blazebench.harness;

import picocli.CommandLine;

/**
 * Entry point of {@code blazebench}: parse the arguments, run the command, exit with its code
 * ({@link ExitCodes}). Everything else lives in the commands.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(newCommandLine(CliStreams.system()).execute(args));
  }

  /**
   * The configured command tree over {@code streams}; {@code execute(args)} runs one command.
   *
   * @param extraSubcommands commands to add beside those {@link BlazeBenchCommand} lists (tests use
   *     it to check how exceptions map to exit codes); they get the same settings
   */
  public static CommandLine newCommandLine(CliStreams streams, Object... extraSubcommands) {
    CommandLine commandLine = new CommandLine(BlazeBenchCommand.class, new CommandFactory(streams));
    for (Object subcommand : extraSubcommands) {
      commandLine.addSubcommand(subcommand);
    }
    // Set last: picocli copies these settings only to subcommands that already exist.
    ErrorReporter errors = new ErrorReporter();
    commandLine
        .setOut(streams.outText())
        .setErr(streams.err())
        .setParameterExceptionHandler(errors)
        .setExecutionExceptionHandler(errors);
    listExitCodes(commandLine);
    return commandLine;
  }

  /** Every command's help ends with the same exit code table. */
  private static void listExitCodes(CommandLine command) {
    command
        .getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCodes.helpList());
    command.getSubcommands().values().forEach(Main::listExitCodes);
  }
}

package dev.blazebench.harness;

import dev.blazebench.harness.binary.BinaryCommand;
import dev.blazebench.harness.codec.CodecCommand;
import dev.blazebench.harness.compare.CompareCommand;
import dev.blazebench.harness.gate.GateCommand;
import dev.blazebench.harness.load.LoadCommand;
import dev.blazebench.harness.load.MergeCommand;
import dev.blazebench.harness.relay.RelayCommand;
import dev.blazebench.harness.report.ReportCommand;
import dev.blazebench.harness.serve.ServeCommand;
import picocli.CommandLine.Command;

/**
 * The top of the {@code blazebench} command tree. It does nothing itself; each piece of work is a
 * subcommand in its own class. To add one, write the class ({@code @Command(name = "serve")}, a
 * {@code Callable<Integer>}, a public constructor taking {@link CliStreams} if it reads or writes
 * the standard streams) and list it in {@code subcommands} below.
 */
@Command(
    name = "blazebench",
    mixinStandardHelpOptions = true,
    versionProvider = ProjectVersion.class,
    description =
        "Benchmark and load-testing harness for BlazeDB over gRPC with BlazeBinary payloads.",
    synopsisSubcommandLabel = "COMMAND",
    commandListHeading = "%nCommands:%n",
    subcommands = {
      BinaryCommand.class,
      CodecCommand.class,
      CompareCommand.class,
      GateCommand.class,
      LoadCommand.class,
      MergeCommand.class,
      RelayCommand.class,
      ReportCommand.class,
      ServeCommand.class
    },
    footer = "%nRun 'blazebench COMMAND --help' for a command's options.")
public final class BlazeBenchCommand {}

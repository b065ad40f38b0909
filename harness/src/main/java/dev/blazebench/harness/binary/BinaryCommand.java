package dev.blazebench.harness.binary;

import dev.blazebench.harness.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code blazebench binary}: the group of commands that convert BlazeBinary to and from JSON. */
@Command(
    name = "binary",
    description = "Decode BlazeBinary bytes to typed JSON, and encode typed JSON to BlazeBinary.",
    synopsisSubcommandLabel = "COMMAND",
    commandListHeading = "%nCommands:%n",
    subcommands = {BinaryDecodeCommand.class, BinaryEncodeCommand.class})
public final class BinaryCommand {

  @Mixin HelpOption help;
}

package dev.blazebench.harness;

import picocli.CommandLine.Option;

/**
 * The {@code -h, --help} option for subcommands, mixed in with {@code @Mixin}. Subcommands do not
 * take picocli's standard {@code --version} too: {@code binary encode --version} is the format
 * version, and the program version belongs to {@code blazebench --version}.
 */
public final class HelpOption {

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean helpRequested;
}

package dev.blazebench.harness;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Creates command objects for picocli, giving the {@link CliStreams} to every command that takes
 * them in its constructor, so commands never touch {@code System.in} or {@code System.out} and run
 * the same in tests as in the shell.
 */
final class CommandFactory implements CommandLine.IFactory {

  private final CliStreams streams;
  private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

  CommandFactory(CliStreams streams) {
    this.streams = streams;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    Constructor<K> withStreams;
    try {
      withStreams = type.getConstructor(CliStreams.class);
    } catch (NoSuchMethodException e) {
      return fallback.create(type);
    }
    return withStreams.newInstance(streams);
  }
}

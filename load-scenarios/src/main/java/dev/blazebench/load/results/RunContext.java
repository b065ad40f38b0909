package dev.blazebench.load.results;

/**
 * What the command line knew about a run that the driver does not: where it pointed and how.
 *
 * @param target the target as given ({@code blaze://127.0.0.1:50051})
 * @param connections connections per API client
 * @param startAt the {@code --start-at} instant (ISO-8601), or null
 * @param realtime how a realtime run was set up; null for other scenarios
 */
public record RunContext(String target, int connections, String startAt, RealtimeSetup realtime) {

  /** The context of a run that is not realtime. */
  public RunContext(String target, int connections, String startAt) {
    this(target, connections, startAt, null);
  }
}

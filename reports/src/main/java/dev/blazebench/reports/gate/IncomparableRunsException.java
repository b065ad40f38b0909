package dev.blazebench.reports.gate;

/**
 * The baseline and the current run cannot be compared: they ran different scenarios, APIs or
 * operations, or offered different load. The message names both files and what differs; the {@code
 * blazebench gate} command prints it and exits 1 (bad input).
 */
public final class IncomparableRunsException extends RuntimeException {

  public IncomparableRunsException(String message) {
    super(message);
  }
}

package dev.blazebench.reports.model;

/**
 * A run's results file that cannot be used: missing, unreadable, truncated, not JSON, not a compare
 * run's results, another schema version, or inconsistent. The message names the file and the
 * problem; the {@code blazebench} commands print it and exit 1 (bad input).
 */
public final class InvalidRunException extends RuntimeException {

  public InvalidRunException(String message) {
    super(message);
  }

  public InvalidRunException(String message, Throwable cause) {
    super(message, cause);
  }
}

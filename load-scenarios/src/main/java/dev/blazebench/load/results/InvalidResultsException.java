package dev.blazebench.load.results;

/**
 * A results file that cannot be used: unreadable, not JSON, another schema version, or results that
 * cannot be merged with the others. The message names the file and the problem.
 */
public final class InvalidResultsException extends RuntimeException {

  public InvalidResultsException(String message) {
    super(message);
  }

  public InvalidResultsException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.blazebench.harness;

/**
 * The user's input cannot be used: a file that cannot be read, malformed hex, options that
 * contradict each other. The message says what and where; {@code blazebench} prints it and exits
 * with {@link ExitCodes#BAD_INPUT}.
 */
public final class BadInputException extends RuntimeException {

  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}

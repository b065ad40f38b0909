package dev.blazebench.harness;

/**
 * A command ran to the end but what it checks did not hold: an assertion on results, a regression
 * gate, a checksum. {@code blazebench} prints the message and exits with {@link
 * ExitCodes#CHECK_FAILED}, which CI reads apart from bad input.
 */
public final class CheckFailedException extends RuntimeException {

  public CheckFailedException(String message) {
    super(message);
  }
}

package dev.blazebench.protocol.bugs;

/**
 * A value that has no place in the other model: a record field a {@code Bug} has no field for, a
 * wrong type, an unknown status, an id that is not 16 bytes. The message names the field.
 *
 * <p>From a client's message it means INVALID_ARGUMENT; from the store (a record written through
 * another API that a {@code Bug} cannot carry) the server reports it as FAILED_PRECONDITION.
 */
public final class BugMappingException extends IllegalArgumentException {

  public BugMappingException(String message) {
    super(message);
  }

  public BugMappingException(String message, Throwable cause) {
    super(message, cause);
  }
}

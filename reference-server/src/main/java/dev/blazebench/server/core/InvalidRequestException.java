package dev.blazebench.server.core;

/**
 * A request an adapter refuses before it reaches the database, for a reason of its own encoding: an
 * id that is not 16 bytes, a missing collection, a bad path parameter. The message names the field
 * and the problem; {@link ApiErrors} reports it as {@link ApiError.Code#INVALID_ARGUMENT}.
 */
public final class InvalidRequestException extends RuntimeException {

  public InvalidRequestException(String message) {
    super(message);
  }

  public InvalidRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}

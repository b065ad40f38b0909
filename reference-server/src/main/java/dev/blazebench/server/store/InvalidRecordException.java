package dev.blazebench.server.store;

/**
 * A record or change the store refuses, before anything is written: a wrong type for {@code id} or
 * {@code createdAt}, an attempt to change them, a record the BlazeBinary format cannot hold, or one
 * over the size limit. The message names the field and the problem.
 */
public final class InvalidRecordException extends StoreException {

  public InvalidRecordException(String message) {
    super(message);
  }

  public InvalidRecordException(String message, Throwable cause) {
    super(message, cause);
  }
}

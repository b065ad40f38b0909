package dev.blazebench.server.store;

/** Stored bytes that do not decode: the file was damaged or written by something else. */
public final class StoreCorruptedException extends StoreException {

  public StoreCorruptedException(String message) {
    super(message);
  }

  public StoreCorruptedException(String message, Throwable cause) {
    super(message, cause);
  }
}

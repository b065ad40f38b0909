package dev.blazebench.server.store;

/** The store was closed (or failed and closed itself); no operation can run on it any more. */
public final class StoreClosedException extends StoreException {

  public StoreClosedException(String message) {
    super(message);
  }

  public StoreClosedException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.blazebench.server.store;

/**
 * A store operation failed. The subclasses say why in a way an API adapter can map to a status (not
 * found, already exists, invalid argument, unavailable); this class itself means an internal
 * failure, such as the disk refusing a commit.
 */
public class StoreException extends RuntimeException {

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

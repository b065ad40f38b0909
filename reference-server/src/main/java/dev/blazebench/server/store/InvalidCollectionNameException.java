package dev.blazebench.server.store;

/** A collection name the store refuses; the message says which rule it breaks. */
public final class InvalidCollectionNameException extends StoreException {

  public InvalidCollectionNameException(String message) {
    super(message);
  }
}

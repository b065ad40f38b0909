package dev.blazebench.server.store;

import java.util.UUID;

/**
 * An insert named an id that the collection already holds (BlazeDB's {@code recordExists}); use
 * update to change a record.
 */
public final class DuplicateRecordException extends StoreException {

  private final String collection;
  private final UUID id;

  public DuplicateRecordException(String collection, UUID id) {
    super("collection \"" + collection + "\" already has a record with id " + id);
    this.collection = collection;
    this.id = id;
  }

  public String collection() {
    return collection;
  }

  public UUID id() {
    return id;
  }
}

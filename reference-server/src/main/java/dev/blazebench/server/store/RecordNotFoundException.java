package dev.blazebench.server.store;

import java.util.UUID;

/** No record with this id in this collection (soft-deleted records are not found by reads). */
public final class RecordNotFoundException extends StoreException {

  private final String collection;
  private final UUID id;

  public RecordNotFoundException(String collection, UUID id) {
    super("no record " + id + " in collection \"" + collection + "\"");
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

package dev.blazebench.server.store;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;

/**
 * What an update changed, as an operation's {@code changes}: every field whose value is new or
 * different, a null for every field removed, and always {@code updatedAt} (the server sets it on
 * every update, even within the same millisecond). Applying these changes to the record as it was
 * before, BlazeDB's way (replace named fields, a null removes), gives the record as it is after.
 *
 * <p>Names are compared as BlazeDB keys (canonically equivalent names are one key), so a change
 * that only respells a name is no change.
 */
final class UpdateChanges {

  private UpdateChanges() {}

  static BlazeRecord between(BlazeRecord before, BlazeRecord after) {
    BlazeRecord.Builder changes = BlazeRecord.builder();
    for (int i = 0; i < after.size(); i++) {
      String name = after.nameAt(i);
      BlazeValue value = after.valueAt(i);
      BlazeValue old = before.get(name);
      if (old == null || !old.equals(value) || name.equals(RecordRules.UPDATED_AT)) {
        changes.put(name, value);
      }
    }
    for (int i = 0; i < before.size(); i++) {
      String name = before.nameAt(i);
      if (!after.contains(name)) {
        changes.put(name, BlazeValue.nullValue());
      }
    }
    return changes.build();
  }
}

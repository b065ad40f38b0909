package dev.blazebench.server.store;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.BlazeValue.DateValue;
import dev.blazebench.binary.BlazeValue.NullValue;
import dev.blazebench.binary.BlazeValue.StringValue;
import dev.blazebench.binary.BlazeValue.UuidValue;
import dev.blazebench.binary.KeyOrder;
import dev.blazebench.server.query.UuidText;
import java.util.UUID;

/**
 * The server-owned fields, as BlazeDB's {@code insert}/{@code updateFields} treat them.
 *
 * <ul>
 *   <li>{@code id}: a uuid the client gives is kept (its text form is read as the uuid, as BlazeDB
 *       does, and stored as a uuid); absent or null, the server picks a random one. Any other type
 *       is refused. It never changes: an update may repeat the same id, not another.
 *   <li>{@code createdAt}: a date the client gives is kept (BlazeDB keeps it); absent or null, the
 *       server sets now. Any other type is refused. An update may repeat it (to the millisecond),
 *       not change or remove it.
 *   <li>{@code updatedAt}: every update sets it to now, whatever the changes say; inserts leave it
 *       as the client gave it.
 * </ul>
 *
 * <p>An update merges: each changed field replaces the stored one (a canonically equivalent name
 * replaces it too), a null removes the field, and fields not named stay.
 */
final class RecordRules {

  static final String ID = "id";
  static final String CREATED_AT = "createdAt";
  static final String UPDATED_AT = "updatedAt";

  private RecordRules() {}

  /** The id of a record about to be inserted: the client's, or a new random one. */
  static UUID idForInsert(BlazeRecord record, String collection) {
    BlazeValue id = record.get(ID);
    if (id == null || id instanceof NullValue) {
      return UUID.randomUUID();
    }
    UUID parsed = readId(id);
    if (parsed == null) {
      throw new InvalidRecordException(
          "field \"id\" of a record for collection \""
              + collection
              + "\" must be a uuid (or its text), was "
              + describe(id));
    }
    return parsed;
  }

  /** {@code record} as stored: with {@code id} a uuid and {@code createdAt} set. */
  static BlazeRecord prepareInsert(BlazeRecord record, UUID id, DateValue now, String collection) {
    BlazeRecord.Builder stored = record.toBuilder();
    removeKey(stored, record, ID);
    stored.put(ID, BlazeValue.uuid(id));
    BlazeValue createdAt = record.get(CREATED_AT);
    if (createdAt == null || createdAt instanceof NullValue) {
      removeKey(stored, record, CREATED_AT);
      stored.put(CREATED_AT, now);
    } else if (!(createdAt instanceof DateValue)) {
      throw new InvalidRecordException(
          "field \"createdAt\" of record "
              + id
              + " for collection \""
              + collection
              + "\" must be a date, was "
              + describe(createdAt));
    }
    return stored.build();
  }

  /** {@code current} with {@code changes} merged in and {@code updatedAt} set to {@code now}. */
  static BlazeRecord applyUpdate(
      BlazeRecord current, BlazeRecord changes, DateValue now, UUID id, String collection) {
    BlazeRecord.Builder merged = current.toBuilder();
    for (int i = 0; i < changes.size(); i++) {
      String name = changes.nameAt(i);
      BlazeValue value = changes.valueAt(i);
      if (KeyOrder.sameKey(name, ID)) {
        if (!id.equals(readId(value))) {
          throw cannotChange(name, value, current, id, collection);
        }
      } else if (KeyOrder.sameKey(name, CREATED_AT)) {
        if (!sameMillisecond(value, current.get(CREATED_AT))) {
          throw cannotChange(name, value, current, id, collection);
        }
      } else if (!KeyOrder.sameKey(name, UPDATED_AT)) {
        removeKey(merged, current, name);
        if (!(value instanceof NullValue)) {
          merged.put(name, value);
        }
      }
    }
    removeKey(merged, current, UPDATED_AT);
    merged.put(UPDATED_AT, now);
    return merged.build();
  }

  /**
   * True when both are dates less than a millisecond apart: the same {@code createdAt} after a trip
   * through a format that keeps milliseconds (JSON), which need not keep the double's bits.
   */
  private static boolean sameMillisecond(BlazeValue a, BlazeValue b) {
    return a instanceof DateValue x
        && b instanceof DateValue y
        && Math.abs(x.secondsSinceReferenceDate() - y.secondsSinceReferenceDate()) < 0.001;
  }

  private static InvalidRecordException cannotChange(
      String name, BlazeValue value, BlazeRecord current, UUID id, String collection) {
    BlazeValue stored = current.get(name);
    return new InvalidRecordException(
        "field \""
            + name
            + "\" of record "
            + id
            + " in collection \""
            + collection
            + "\" cannot be changed or removed (stored: "
            + (stored == null ? "absent" : describe(stored))
            + ", update: "
            + describe(value)
            + ")");
  }

  private static UUID readId(BlazeValue value) {
    if (value instanceof UuidValue uuid) {
      return uuid.value();
    }
    if (value instanceof StringValue text) {
      return UuidText.parseOrNull(text.value());
    }
    return null;
  }

  /** Removes from {@code builder} every name of {@code record} that is the same key as name. */
  private static void removeKey(BlazeRecord.Builder builder, BlazeRecord record, String name) {
    if (!record.contains(name)) {
      return;
    }
    for (int i = 0; i < record.size(); i++) {
      if (KeyOrder.sameKey(record.nameAt(i), name)) {
        builder.remove(record.nameAt(i));
      }
    }
  }

  private static String describe(BlazeValue value) {
    if (value instanceof StringValue s) {
      return "string \""
          + (s.value().length() > 40 ? s.value().substring(0, 40) + "..." : s.value())
          + "\"";
    }
    return value.typeName() + " " + value;
  }
}

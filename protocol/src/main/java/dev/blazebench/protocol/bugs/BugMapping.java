package dev.blazebench.protocol.bugs;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.DateConversion;
import dev.blazebench.protocol.UuidBytes;
import dev.blazebench.protocol.workload.BugFields;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps the Protobuf baseline's {@link Bug} and {@link BugPatch} to and from the BlazeBinary records
 * the store holds, so that the Protobuf API serves the same data as the others.
 *
 * <p>Rules (exact for every record of the canonical workload):
 *
 * <ul>
 *   <li>{@code id}: 16 bytes to a uuid; empty bytes mean no id (a bug to insert).
 *   <li>{@code title}, {@code description}, {@code assignee}: an empty string means absent (proto3
 *       cannot tell them apart), so a record with an empty string comes back without the field.
 *   <li>{@code priority}: int; 0 means absent; must fit 32 bits.
 *   <li>{@code status}: {@code STATUS_OPEN} etc. to {@code "open"}, {@code "in_progress"}, {@code
 *       "closed"}; {@code STATUS_UNSPECIFIED} means absent; any other string is an error.
 *   <li>{@code created_at}, {@code updated_at}: Timestamp to date and back through {@link
 *       DateConversion}: a date from a millisecond (or micro-, nanosecond) instant comes back
 *       bit-exactly; a Timestamp with nanoseconds a double cannot hold (about 100 ns resolution in
 *       2025) is rounded to the nearest double.
 *   <li>{@code tags}: always written as an array, possibly empty; a record without tags comes back
 *       with {@code tags: []}.
 *   <li>A null field in a record is taken as absent; any field a Bug has no place for, or a value
 *       of the wrong type, is a {@link BugMappingException} naming the field.
 * </ul>
 */
public final class BugMapping {

  private BugMapping() {}

  /** The record {@code bug} stands for. */
  public static BlazeRecord toRecord(Bug bug) {
    BlazeRecord.Builder record = BlazeRecord.builder();
    if (!bug.getId().isEmpty()) {
      record.put(BugFields.ID, BlazeValue.uuid(uuid(bug.getId(), "Bug.id")));
    }
    putNonEmpty(record, BugFields.TITLE, bug.getTitle());
    putNonEmpty(record, BugFields.DESCRIPTION, bug.getDescription());
    if (bug.getPriority() != 0) {
      record.put(BugFields.PRIORITY, BlazeValue.integer(bug.getPriority()));
    }
    if (bug.getStatus() != Status.STATUS_UNSPECIFIED) {
      record.put(BugFields.STATUS, BlazeValue.string(statusName(bug.getStatus(), "Bug.status")));
    }
    if (bug.hasCreatedAt()) {
      record.put(BugFields.CREATED_AT, date(bug.getCreatedAt(), "Bug.created_at"));
    }
    if (bug.hasUpdatedAt()) {
      record.put(BugFields.UPDATED_AT, date(bug.getUpdatedAt(), "Bug.updated_at"));
    }
    putNonEmpty(record, BugFields.ASSIGNEE, bug.getAssignee());
    record.put(BugFields.TAGS, tagsValue(bug.getTagsList()));
    return record.build();
  }

  /** The Bug {@code record} stands for; see the class comment for what fails. */
  public static Bug fromRecord(BlazeRecord record) {
    Bug.Builder bug = Bug.newBuilder();
    for (int i = 0; i < record.size(); i++) {
      String name = record.nameAt(i);
      BlazeValue value = record.valueAt(i);
      if (value instanceof BlazeValue.NullValue) {
        continue;
      }
      switch (name) {
        case BugFields.ID -> bug.setId(UuidBytes.toByteString(uuidValue(value, name)));
        case BugFields.TITLE -> bug.setTitle(string(value, name));
        case BugFields.DESCRIPTION -> bug.setDescription(string(value, name));
        case BugFields.PRIORITY -> bug.setPriority(int32(value, name));
        case BugFields.STATUS -> bug.setStatus(status(string(value, name), name));
        case BugFields.CREATED_AT -> bug.setCreatedAt(timestamp(value, name));
        case BugFields.UPDATED_AT -> bug.setUpdatedAt(timestamp(value, name));
        case BugFields.ASSIGNEE -> bug.setAssignee(string(value, name));
        case BugFields.TAGS -> bug.addAllTags(tags(value, name));
        default ->
            throw new BugMappingException(
                "field \"" + name + "\" (" + value.typeName() + ") has no place in a Bug");
      }
    }
    return bug.build();
  }

  /** The changes record an update applies: set fields as values, removed fields as null. */
  public static BlazeRecord toChanges(BugPatch patch) {
    BlazeRecord.Builder changes = BlazeRecord.builder();
    if (patch.hasTitle()) {
      changes.put(BugFields.TITLE, BlazeValue.string(patch.getTitle()));
    }
    if (patch.hasDescription()) {
      changes.put(BugFields.DESCRIPTION, BlazeValue.string(patch.getDescription()));
    }
    if (patch.hasPriority()) {
      changes.put(BugFields.PRIORITY, BlazeValue.integer(patch.getPriority()));
    }
    if (patch.hasStatus()) {
      changes.put(
          BugFields.STATUS, BlazeValue.string(statusName(patch.getStatus(), "BugPatch.status")));
    }
    if (patch.hasCreatedAt()) {
      changes.put(BugFields.CREATED_AT, date(patch.getCreatedAt(), "BugPatch.created_at"));
    }
    if (patch.hasUpdatedAt()) {
      changes.put(BugFields.UPDATED_AT, date(patch.getUpdatedAt(), "BugPatch.updated_at"));
    }
    if (patch.hasAssignee()) {
      changes.put(BugFields.ASSIGNEE, BlazeValue.string(patch.getAssignee()));
    }
    if (patch.hasTags()) {
      changes.put(BugFields.TAGS, tagsValue(patch.getTags().getValuesList()));
    }
    for (int i = 0; i < patch.getRemoveCount(); i++) {
      BugField field = patch.getRemove(i);
      if (field == BugField.BUG_FIELD_ID) {
        throw new BugMappingException("BugPatch.remove[" + i + "]: the id cannot be removed");
      }
      String name = BugFieldNames.nameOf(field, "BugPatch.remove[" + i + "]");
      BlazeRecord probe = changes.build();
      if (probe.contains(name)) {
        throw new BugMappingException(
            "BugPatch.remove[" + i + "]: \"" + name + "\" is already set or removed in this patch");
      }
      changes.put(name, BlazeValue.nullValue());
    }
    return changes.build();
  }

  /** The patch a changes record stands for (null values become {@code remove} entries). */
  public static BugPatch patchFromChanges(BlazeRecord changes) {
    BugPatch.Builder patch = BugPatch.newBuilder();
    for (int i = 0; i < changes.size(); i++) {
      String name = changes.nameAt(i);
      BlazeValue value = changes.valueAt(i);
      if (name.equals(BugFields.ID)) {
        throw new BugMappingException("changes: the id cannot change");
      }
      if (value instanceof BlazeValue.NullValue) {
        patch.addRemove(BugFieldNames.fieldOf(name, "changes." + name));
        continue;
      }
      switch (name) {
        case BugFields.TITLE -> patch.setTitle(string(value, name));
        case BugFields.DESCRIPTION -> patch.setDescription(string(value, name));
        case BugFields.PRIORITY -> patch.setPriority(int32(value, name));
        case BugFields.STATUS -> patch.setStatus(status(string(value, name), name));
        case BugFields.CREATED_AT -> patch.setCreatedAt(timestamp(value, name));
        case BugFields.UPDATED_AT -> patch.setUpdatedAt(timestamp(value, name));
        case BugFields.ASSIGNEE -> patch.setAssignee(string(value, name));
        case BugFields.TAGS -> patch.setTags(Tags.newBuilder().addAllValues(tags(value, name)));
        default ->
            throw new BugMappingException(
                "field \"" + name + "\" (" + value.typeName() + ") has no place in a Bug");
      }
    }
    return patch.build();
  }

  // ---- values ----

  /** The Timestamp of {@code date}, by {@link DateConversion#toInstant}. */
  public static Timestamp timestamp(BlazeValue.DateValue date) {
    Instant instant = DateConversion.toInstant(date);
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }

  /** The date of {@code timestamp}; {@code what} names it in errors. */
  public static BlazeValue.DateValue date(Timestamp timestamp, String what) {
    if (timestamp.getNanos() < 0 || timestamp.getNanos() > 999_999_999) {
      throw new BugMappingException(
          what + ": nanos must be 0..999999999, was " + timestamp.getNanos());
    }
    try {
      return DateConversion.toDate(
          Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()));
    } catch (DateTimeException e) {
      throw new BugMappingException(what + ": not an instant: " + timestamp, e);
    }
  }

  static java.util.UUID uuid(ByteString bytes, String what) {
    try {
      return UuidBytes.fromByteString(bytes);
    } catch (IllegalArgumentException e) {
      throw new BugMappingException(what + ": " + e.getMessage(), e);
    }
  }

  static String statusName(Status status, String what) {
    return switch (status) {
      case STATUS_OPEN -> BugFields.STATUS_OPEN;
      case STATUS_IN_PROGRESS -> BugFields.STATUS_IN_PROGRESS;
      case STATUS_CLOSED -> BugFields.STATUS_CLOSED;
      default -> throw new BugMappingException(what + ": no status value for " + status);
    };
  }

  /** The enum for a status string, or null when it is none of the three. */
  static Status statusOrNull(String name) {
    return switch (name) {
      case BugFields.STATUS_OPEN -> Status.STATUS_OPEN;
      case BugFields.STATUS_IN_PROGRESS -> Status.STATUS_IN_PROGRESS;
      case BugFields.STATUS_CLOSED -> Status.STATUS_CLOSED;
      default -> null;
    };
  }

  private static Status status(String name, String field) {
    Status status = statusOrNull(name);
    if (status == null) {
      throw new BugMappingException(
          field + ": \"" + name + "\" is not a status (expected " + BugFields.STATUSES + ")");
    }
    return status;
  }

  private static void putNonEmpty(BlazeRecord.Builder record, String name, String value) {
    if (!value.isEmpty()) {
      record.put(name, BlazeValue.string(value));
    }
  }

  private static BlazeValue tagsValue(List<String> tags) {
    List<BlazeValue> values = new ArrayList<>(tags.size());
    for (String tag : tags) {
      values.add(BlazeValue.string(tag));
    }
    return BlazeValue.array(values);
  }

  private static String string(BlazeValue value, String field) {
    if (value instanceof BlazeValue.StringValue s) {
      return s.value();
    }
    throw wrongType(field, "a string", value);
  }

  private static java.util.UUID uuidValue(BlazeValue value, String field) {
    if (value instanceof BlazeValue.UuidValue u) {
      return u.value();
    }
    throw wrongType(field, "a uuid", value);
  }

  private static int int32(BlazeValue value, String field) {
    if (value instanceof BlazeValue.IntValue i) {
      if (i.value() < Integer.MIN_VALUE || i.value() > Integer.MAX_VALUE) {
        throw new BugMappingException(field + ": " + i.value() + " does not fit in 32 bits");
      }
      return (int) i.value();
    }
    throw wrongType(field, "an int", value);
  }

  private static Timestamp timestamp(BlazeValue value, String field) {
    if (value instanceof BlazeValue.DateValue date) {
      try {
        return timestamp(date);
      } catch (IllegalArgumentException e) {
        throw new BugMappingException(field + ": " + e.getMessage(), e);
      }
    }
    throw wrongType(field, "a date", value);
  }

  private static List<String> tags(BlazeValue value, String field) {
    if (!(value instanceof BlazeValue.ArrayValue array)) {
      throw wrongType(field, "an array of strings", value);
    }
    List<String> tags = new ArrayList<>(array.items().size());
    for (int i = 0; i < array.items().size(); i++) {
      tags.add(string(array.items().get(i), field + "[" + i + "]"));
    }
    return tags;
  }

  private static BugMappingException wrongType(String field, String expected, BlazeValue value) {
    return new BugMappingException(field + ": expected " + expected + ", was " + value.typeName());
  }
}

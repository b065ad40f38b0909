package dev.blazebench.codec;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.DateConversion;
import dev.blazebench.protocol.workload.BugFields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the canonical bug fields out of a {@link BlazeRecord}, failing with the field's name when
 * one is missing or of the wrong type; used to build every format's messages and checksums.
 */
final class BugRecords {

  private BugRecords() {}

  /** Adds {@code record} to {@code checksum}. */
  static void addTo(Checksum.Builder checksum, BlazeRecord record) {
    checksum.add(
        id(record),
        string(record, BugFields.TITLE),
        string(record, BugFields.DESCRIPTION),
        priority(record),
        string(record, BugFields.STATUS),
        createdAt(record).toEpochMilli(),
        string(record, BugFields.ASSIGNEE),
        tags(record));
  }

  static UUID id(BlazeRecord record) {
    return field(record, BugFields.ID, BlazeValue.UuidValue.class).value();
  }

  static String string(BlazeRecord record, String name) {
    return field(record, name, BlazeValue.StringValue.class).value();
  }

  static int priority(BlazeRecord record) {
    return Math.toIntExact(field(record, BugFields.PRIORITY, BlazeValue.IntValue.class).value());
  }

  /** The date as the instant it was made from (exact for the workload's millisecond dates). */
  static Instant createdAt(BlazeRecord record) {
    return DateConversion.toInstant(
        field(record, BugFields.CREATED_AT, BlazeValue.DateValue.class));
  }

  static List<String> tags(BlazeRecord record) {
    List<BlazeValue> items = field(record, BugFields.TAGS, BlazeValue.ArrayValue.class).items();
    List<String> tags = new ArrayList<>(items.size());
    for (BlazeValue item : items) {
      if (!(item instanceof BlazeValue.StringValue s)) {
        throw new IllegalArgumentException("tags: expected strings, found " + item.typeName());
      }
      tags.add(s.value());
    }
    return tags;
  }

  private static <V extends BlazeValue> V field(BlazeRecord record, String name, Class<V> type) {
    BlazeValue value = record.get(name);
    if (value == null) {
      throw new IllegalArgumentException("bug record has no field '" + name + "'");
    }
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          "bug record field '" + name + "' is a " + value.typeName() + ", not " + type.getName());
    }
    return type.cast(value);
  }
}

package dev.blazebench.server.query;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.BlazeValue.NullValue;

/** How the query engine reads a field: a missing field and an explicit null are both "absent". */
final class FieldValues {

  private FieldValues() {}

  /** The field's value, or null when the field is missing or holds null. */
  static BlazeValue presentOrNull(BlazeRecord record, String field) {
    BlazeValue value = record.get(field);
    return value instanceof NullValue ? null : value;
  }
}

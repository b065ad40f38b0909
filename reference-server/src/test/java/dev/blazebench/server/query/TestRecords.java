package dev.blazebench.server.query;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import java.util.List;

/** Short ways to build records and values in tests. */
final class TestRecords {

  private TestRecords() {}

  /** A record from name/value pairs: {@code record("a", integer(1), "b", string("x"))}. */
  static BlazeRecord record(Object... namesAndValues) {
    BlazeRecord.Builder builder = BlazeRecord.builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      builder.put((String) namesAndValues[i], (BlazeValue) namesAndValues[i + 1]);
    }
    return builder.build();
  }

  static BlazeValue integer(long value) {
    return BlazeValue.integer(value);
  }

  static BlazeValue number(double value) {
    return BlazeValue.number(value);
  }

  static BlazeValue string(String value) {
    return BlazeValue.string(value);
  }

  static BlazeValue bool(boolean value) {
    return BlazeValue.bool(value);
  }

  static BlazeValue date(double secondsSince2001) {
    return BlazeValue.dateSinceReferenceDate(secondsSince2001);
  }

  static BlazeValue array(BlazeValue... items) {
    return BlazeValue.array(List.of(items));
  }

  static BlazeValue nullValue() {
    return BlazeValue.nullValue();
  }
}

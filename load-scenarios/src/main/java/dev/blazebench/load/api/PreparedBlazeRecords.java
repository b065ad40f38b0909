package dev.blazebench.load.api;

import dev.blazebench.binary.BlazeRecord;
import java.util.List;

/**
 * Records to insert held as BlazeRecords: what the BlazeBinary and JSON clients' users hold.
 *
 * @param records the records
 */
public record PreparedBlazeRecords(List<BlazeRecord> records) implements PreparedRecords {

  public PreparedBlazeRecords {
    records = List.copyOf(records);
  }

  @Override
  public int size() {
    return records.size();
  }

  /** The records {@code prepared} holds, if a BlazeRecord client prepared them. */
  public static List<BlazeRecord> of(PreparedRecords prepared) {
    if (prepared instanceof PreparedBlazeRecords blaze) {
      return blaze.records;
    }
    throw new IllegalArgumentException(
        "records prepared by another client (" + prepared.getClass().getSimpleName() + ")");
  }

  /** The one record {@code prepared} holds, for a single insert. */
  public static BlazeRecord single(PreparedRecords prepared) {
    List<BlazeRecord> records = of(prepared);
    if (records.size() != 1) {
      throw new IllegalArgumentException(
          "a single insert takes one prepared record, got " + records.size());
    }
    return records.get(0);
  }
}

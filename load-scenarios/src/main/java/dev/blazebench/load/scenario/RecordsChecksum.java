package dev.blazebench.load.scenario;

import dev.blazebench.binary.BlazeRecord;
import java.util.List;

/**
 * A checksum of a decoded answer: every field of every record, in order. Computing it touches each
 * decoded value, and comparing it with the reference answer's catches a path that returns the right
 * number of wrong records, or a decoder that skips work.
 */
public final class RecordsChecksum {

  private RecordsChecksum() {}

  public static long of(List<BlazeRecord> records) {
    long h = records.size();
    for (BlazeRecord record : records) {
      // BlazeRecord.hashCode covers every field name and value (cached after the first call).
      h = h * 1_000_003L + record.hashCode();
    }
    return h;
  }
}

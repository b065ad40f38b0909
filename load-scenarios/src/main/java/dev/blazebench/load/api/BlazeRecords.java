package dev.blazebench.load.api;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import java.util.List;

/** {@link Records} held as BlazeRecords: the BlazeBinary and JSON clients' answers. */
public final class BlazeRecords implements Records {

  private final List<BlazeRecord> records;

  public BlazeRecords(List<BlazeRecord> records) {
    this.records = records;
  }

  /** The records themselves. */
  public List<BlazeRecord> list() {
    return records;
  }

  @Override
  public int size() {
    return records.size();
  }

  @Override
  public long recordHash(int index) {
    return RecordChecksum.ofRecord(records.get(index));
  }

  @Override
  public BlazeValue field(int index, String name) {
    return records.get(index).get(name);
  }
}

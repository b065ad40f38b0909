package dev.blazebench.codec;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.protocol.workload.BugWorkload;
import java.util.ArrayList;
import java.util.List;

/**
 * The two message shapes the benchmarks measure, both over the same 1,000 canonical bug records
 * ({@link BugWorkload}, default seed): one record per message, and all 1,000 in one message (the
 * seed's "1,000 records" test). Their names are the benchmarks' shape prefix.
 */
public enum Workload {
  /** 1,000 messages of one record each; a benchmark op handles the next one, round-robin. */
  FETCH_1("Fetch1", 1),
  /** One message of 1,000 records. */
  FETCH_1000("Fetch1000", 1000);

  /** Records in the workload, whatever the message shape. */
  public static final int RECORDS = 1000;

  private final String shape;
  private final int recordsPerMessage;

  Workload(String shape, int recordsPerMessage) {
    this.shape = shape;
    this.recordsPerMessage = recordsPerMessage;
  }

  /** The benchmark name prefix: {@code Fetch1} or {@code Fetch1000}. */
  public String shape() {
    return shape;
  }

  public int recordsPerMessage() {
    return recordsPerMessage;
  }

  public int messageCount() {
    return RECORDS / recordsPerMessage;
  }

  /** The canonical records, split into this workload's messages. */
  public List<List<BlazeRecord>> messages() {
    List<BlazeRecord> records = BugWorkload.bugs(BugWorkload.DEFAULT_SEED, 0, RECORDS);
    List<List<BlazeRecord>> messages = new ArrayList<>(messageCount());
    for (int from = 0; from < RECORDS; from += recordsPerMessage) {
      messages.add(List.copyOf(records.subList(from, from + recordsPerMessage)));
    }
    return messages;
  }

  /** The workload whose {@link #shape()} is {@code shape}. */
  public static Workload ofShape(String shape) {
    for (Workload workload : values()) {
      if (workload.shape.equals(shape)) {
        return workload;
      }
    }
    throw new IllegalArgumentException("no workload shape '" + shape + "' (Fetch1, Fetch1000)");
  }
}

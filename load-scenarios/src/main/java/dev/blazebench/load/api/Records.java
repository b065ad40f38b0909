package dev.blazebench.load.api;

import dev.blazebench.binary.BlazeValue;

/**
 * The records (or aggregation rows) of one answer, decoded, in the client's own representation:
 * {@link dev.blazebench.binary.BlazeRecord}s for the BlazeBinary and JSON APIs, generated Protobuf
 * {@code Bug} messages for the Protobuf API. Scenarios check answers through this view, so every
 * API is checked the same way while each client keeps what its users would hold.
 *
 * <p>{@link #recordHash} is {@link RecordChecksum}'s hash of one record: equal for equal records
 * whatever the representation, so every API is validated against the same reference checksum.
 */
public interface Records {

  /** No records (the answer to a write). */
  Records NONE = StreamedRecords.EMPTY;

  /** How many records the answer held. */
  int size();

  /**
   * {@link RecordChecksum#ofRecord}'s hash of record {@code index}, computed from the decoded
   * values (touching every field).
   *
   * @throws IllegalStateException if the answer kept no records (a stream: see {@link #checksum})
   */
  long recordHash(int index);

  /**
   * Field {@code name} of record {@code index}, or null if the record has none.
   *
   * @throws IllegalStateException if the answer kept no records
   */
  BlazeValue field(int index, String name);

  /** {@link RecordChecksum} of all records, in order. */
  default long checksum() {
    RecordChecksum.Accumulator checksum = new RecordChecksum.Accumulator();
    for (int i = 0; i < size(); i++) {
      checksum.add(recordHash(i));
    }
    return checksum.value();
  }
}

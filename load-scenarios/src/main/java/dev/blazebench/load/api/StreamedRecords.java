package dev.blazebench.load.api;

import dev.blazebench.binary.BlazeValue;

/**
 * The records of a streamed answer: only their count and checksum, accumulated batch by batch as
 * they arrived, since a stream that kept its records would measure the client's memory instead of
 * the stream.
 *
 * @param size records received
 * @param checksum {@link RecordChecksum} of all of them, in order
 */
public record StreamedRecords(int size, long checksum) implements Records {

  static final StreamedRecords EMPTY =
      new StreamedRecords(0, new RecordChecksum.Accumulator().value());

  @Override
  public long recordHash(int index) {
    throw new IllegalStateException("a streamed answer keeps no records, only their checksum");
  }

  @Override
  public BlazeValue field(int index, String name) {
    throw new IllegalStateException("a streamed answer keeps no records, only their checksum");
  }
}

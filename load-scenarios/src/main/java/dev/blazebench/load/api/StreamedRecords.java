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

  static final StreamedRecords EMPTY = of(new RecordChecksum.Accumulator());

  /** The records {@code checksum} has added up so far. */
  public static StreamedRecords of(RecordChecksum.Accumulator checksum) {
    return new StreamedRecords(Math.toIntExact(checksum.count()), checksum.value());
  }

  @Override
  public long recordHash(int index) {
    throw new IllegalStateException("a streamed answer keeps no records, only their checksum");
  }

  @Override
  public BlazeValue field(int index, String name) {
    throw new IllegalStateException("a streamed answer keeps no records, only their checksum");
  }
}

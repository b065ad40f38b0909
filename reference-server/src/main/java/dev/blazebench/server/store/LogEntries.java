package dev.blazebench.server.store;

import dev.blazebench.binary.BlazeBinaryDecoder;
import dev.blazebench.binary.BlazeBinaryException;
import dev.blazebench.binary.BlazeOperation;
import dev.blazebench.binary.BlazeOperationCodec;
import dev.blazebench.binary.DecodeLimits;

/**
 * The value of one change log entry: a version byte, the commit time, then the operation's bytes.
 *
 * <pre>
 * version            1 byte   0x01
 * commitTimeMicros   i64 BE   server clock at commit, microseconds since 1970-01-01Z
 * operation          rest     one BlazeOperation (BlazeOperationCodec layout)
 * </pre>
 *
 * The operation is stored as the wire carries it, so a batch is sent by copying bytes. The version
 * byte lets a later layout be told apart from this one.
 */
final class LogEntries {

  static final int VERSION_1 = 0x01;

  /** Bytes before the operation. */
  static final int HEADER_BYTES = 1 + 8;

  /** The log's own bytes are trusted: limits as wide as anything the encoder writes. */
  private static final BlazeBinaryDecoder STORED_DECODER =
      BlazeBinaryDecoder.withLimits(
          new DecodeLimits(
              DecodeLimits.DEFAULT_MAX_DEPTH,
              Integer.MAX_VALUE,
              Integer.MAX_VALUE,
              Integer.MAX_VALUE,
              Integer.MAX_VALUE));

  private LogEntries() {}

  static byte[] encode(long commitTimeMicros, byte[] operation) {
    byte[] entry = new byte[HEADER_BYTES + operation.length];
    entry[0] = VERSION_1;
    for (int i = 0; i < 8; i++) {
      entry[1 + i] = (byte) (commitTimeMicros >>> (56 - 8 * i));
    }
    System.arraycopy(operation, 0, entry, HEADER_BYTES, operation.length);
    return entry;
  }

  /** The event an entry read from the log stands for; its operation is decoded on first use. */
  static ChangeEvent toEvent(String collection, long sequence, byte[] entry) {
    return new ChangeEvent(
        collection,
        sequence,
        commitTimeMicros(entry, collection, sequence),
        entry,
        HEADER_BYTES,
        entry.length - HEADER_BYTES,
        null);
  }

  static long commitTimeMicros(byte[] entry, String collection, long sequence) {
    if (entry.length < HEADER_BYTES || entry[0] != VERSION_1) {
      throw new StoreCorruptedException(
          "change log entry "
              + sequence
              + " of collection \""
              + collection
              + "\" is not a version 1 entry ("
              + entry.length
              + " bytes"
              + (entry.length > 0 ? ", version byte " + (entry[0] & 0xFF) : "")
              + ")");
    }
    long micros = 0;
    for (int i = 0; i < 8; i++) {
      micros = (micros << 8) | (entry[1 + i] & 0xFF);
    }
    return micros;
  }

  static BlazeOperation decodeOperation(
      byte[] bytes, int offset, int length, String collection, long sequence) {
    try {
      return BlazeOperationCodec.decode(bytes, offset, length, STORED_DECODER);
    } catch (BlazeBinaryException e) {
      throw new StoreCorruptedException(
          "change log entry "
              + sequence
              + " of collection \""
              + collection
              + "\" does not decode: "
              + e.getMessage(),
          e);
    }
  }
}

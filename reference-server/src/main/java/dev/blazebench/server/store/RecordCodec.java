package dev.blazebench.server.store;

import dev.blazebench.binary.BlazeBinaryDecoder;
import dev.blazebench.binary.BlazeBinaryEncoder;
import dev.blazebench.binary.BlazeBinaryException;
import dev.blazebench.binary.BlazeEncodingException;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.DecodeLimits;
import dev.blazebench.binary.FormatVersion;
import java.util.UUID;

/**
 * Records as the store keeps them: BlazeBinary v1 bytes, BlazeDB's default format, so that a stored
 * value is exactly what a BlazeDB client would send.
 *
 * <p>Stored bytes are read with limits wide enough for anything the encoder writes: the store's own
 * data is trusted; only its size was checked on the way in.
 */
final class RecordCodec {

  private static final FormatVersion STORED_VERSION = FormatVersion.V1;

  private static final BlazeBinaryDecoder STORED_DECODER =
      BlazeBinaryDecoder.withLimits(
          new DecodeLimits(
              DecodeLimits.DEFAULT_MAX_DEPTH,
              Integer.MAX_VALUE,
              Integer.MAX_VALUE,
              Integer.MAX_VALUE,
              Integer.MAX_VALUE));

  private final int maxRecordBytes;

  RecordCodec(int maxRecordBytes) {
    this.maxRecordBytes = maxRecordBytes;
  }

  /**
   * The bytes to store for {@code record}.
   *
   * @throws InvalidRecordException when the format cannot hold it or it exceeds the size limit
   */
  byte[] encode(BlazeRecord record, String collection, UUID id) {
    byte[] bytes;
    try {
      bytes = BlazeBinaryEncoder.encode(record, STORED_VERSION);
    } catch (BlazeEncodingException e) {
      throw new InvalidRecordException(
          "record " + id + " for collection \"" + collection + "\": " + e.getMessage(), e);
    }
    if (bytes.length > maxRecordBytes) {
      throw new InvalidRecordException(
          "record "
              + id
              + " for collection \""
              + collection
              + "\" is "
              + bytes.length
              + " bytes encoded, more than the "
              + maxRecordBytes
              + " allowed");
    }
    return bytes;
  }

  /**
   * The record stored as {@code bytes}.
   *
   * @throws StoreCorruptedException when they do not decode
   */
  BlazeRecord decode(byte[] bytes, String collection, byte[] key) {
    try {
      return STORED_DECODER.decode(bytes);
    } catch (BlazeBinaryException e) {
      throw new StoreCorruptedException(
          "stored record "
              + RecordKeys.fromKey(key)
              + " in collection \""
              + collection
              + "\" does not decode: "
              + e.getMessage(),
          e);
    }
  }
}

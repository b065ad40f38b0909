package dev.blazebench.binary;

import java.nio.ByteBuffer;
import java.util.List;

/** Sequence framing: u32 BE count, then per item u32 BE length + bytes. (In progress.) */
public final class BlazeSequences {
  private BlazeSequences() {}

  public static byte[] encodeRecords(List<BlazeRecord> records, FormatVersion version) {
    GrowableBuffer out = new GrowableBuffer(1024);
    encodeRecords(records, version, out);
    return out.toByteArray();
  }

  public static void encodeRecords(
      List<BlazeRecord> records, FormatVersion version, GrowableBuffer out) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public static List<BlazeRecord> decodeRecords(byte[] bytes) {
    return decodeRecords(bytes, 0, bytes.length, BlazeBinaryDecoder.withDefaults());
  }

  public static List<BlazeRecord> decodeRecords(byte[] bytes, int offset, int length) {
    return decodeRecords(bytes, offset, length, BlazeBinaryDecoder.withDefaults());
  }

  public static List<BlazeRecord> decodeRecords(
      byte[] bytes, int offset, int length, BlazeBinaryDecoder decoder) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public static List<BlazeRecord> decodeRecords(ByteBuffer buffer) {
    return decodeRecords(buffer, BlazeBinaryDecoder.withDefaults());
  }

  public static List<BlazeRecord> decodeRecords(ByteBuffer buffer, BlazeBinaryDecoder decoder) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public static byte[] encodeOperations(List<BlazeOperation> ops) {
    GrowableBuffer out = new GrowableBuffer(1024);
    encodeOperations(ops, out);
    return out.toByteArray();
  }

  public static void encodeOperations(List<BlazeOperation> ops, GrowableBuffer out) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public static List<BlazeOperation> decodeOperations(byte[] bytes) {
    return decodeOperations(bytes, 0, bytes.length, BlazeBinaryDecoder.withDefaults());
  }

  public static List<BlazeOperation> decodeOperations(byte[] bytes, int offset, int length) {
    return decodeOperations(bytes, offset, length, BlazeBinaryDecoder.withDefaults());
  }

  public static List<BlazeOperation> decodeOperations(
      byte[] bytes, int offset, int length, BlazeBinaryDecoder decoder) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}

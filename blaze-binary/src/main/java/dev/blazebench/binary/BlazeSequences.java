package dev.blazebench.binary;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A list of records or of operations in one message: u32 BE count, then for each item a u32 BE
 * length and the item's bytes. BlazeDB's operation log uses this layout on disk; BlazeBench uses it
 * for batches on the wire. Each record of a sequence carries its own header, so v1 and v2 records
 * may be mixed when decoding.
 *
 * <p>Encoding refuses (with the buffer unchanged) whatever the record or operation encoder refuses.
 * Decoding is as strict as for single items: every item must fill its length exactly, and nothing
 * may follow the last item. Error offsets count from the start of the sequence.
 */
public final class BlazeSequences {

  private BlazeSequences() {}

  // ---- records ----

  /** The records' bytes, each in {@code version}'s format. */
  public static byte[] encodeRecords(List<BlazeRecord> records, FormatVersion version) {
    // Exact for ASCII text: one allocation, handed out without a copy.
    long bytes = 4;
    for (BlazeRecord record : records) {
      bytes += 4 + EncodedSize.of(record, version);
    }
    GrowableBuffer out = new GrowableBuffer(EncodedSize.capacity(bytes));
    encodeRecords(records, version, out);
    return out.detachBytes();
  }

  /** Appends the records' bytes to {@code out}; on refusal {@code out} is unchanged. */
  public static void encodeRecords(
      List<BlazeRecord> records, FormatVersion version, GrowableBuffer out) {
    int start = out.size();
    try {
      out.putInt(records.size());
      for (BlazeRecord record : records) {
        int lengthAt = out.size();
        out.putInt(0);
        BlazeBinaryEncoder.writeRecord(record, version, out, BlazeBinaryEncoder.DEFAULT_MAX_DEPTH);
        out.setInt(lengthAt, out.size() - lengthAt - 4);
      }
    } catch (BlazeEncodingException e) {
      out.truncate(start);
      throw e;
    }
  }

  /** Decodes a sequence of records that fills {@code bytes}, with default limits. */
  public static List<BlazeRecord> decodeRecords(byte[] bytes) {
    return decodeRecords(bytes, 0, bytes.length, BlazeBinaryDecoder.withDefaults());
  }

  /** Decodes a sequence of records that fills {@code bytes[offset, offset + length)}. */
  public static List<BlazeRecord> decodeRecords(byte[] bytes, int offset, int length) {
    return decodeRecords(bytes, offset, length, BlazeBinaryDecoder.withDefaults());
  }

  /** As {@link #decodeRecords(byte[], int, int)}, with {@code decoder}'s limits. */
  public static List<BlazeRecord> decodeRecords(
      byte[] bytes, int offset, int length, BlazeBinaryDecoder decoder) {
    return readRecords(decoder.reader(bytes, offset, length));
  }

  /**
   * Decodes a sequence of records from {@code buffer}'s position to its limit without copying; the
   * buffer's position, limit and order are not changed.
   */
  public static List<BlazeRecord> decodeRecords(ByteBuffer buffer) {
    return decodeRecords(buffer, BlazeBinaryDecoder.withDefaults());
  }

  /** As {@link #decodeRecords(ByteBuffer)}, with {@code decoder}'s limits. */
  public static List<BlazeRecord> decodeRecords(ByteBuffer buffer, BlazeBinaryDecoder decoder) {
    return readRecords(decoder.reader(buffer));
  }

  private static List<BlazeRecord> readRecords(WireReader in) {
    int count = readCount(in, "record");
    List<BlazeRecord> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int itemEnd = readItemEnd(in, "record");
      records.add(in.readRecord(itemEnd));
    }
    checkNoTrailingBytes(in);
    return Collections.unmodifiableList(records);
  }

  // ---- operations ----

  /** The operations' bytes. */
  public static byte[] encodeOperations(List<BlazeOperation> ops) {
    GrowableBuffer out = new GrowableBuffer(4 + 256 * ops.size());
    encodeOperations(ops, out);
    return out.toByteArray();
  }

  /** Appends the operations' bytes to {@code out}; on refusal {@code out} is unchanged. */
  public static void encodeOperations(List<BlazeOperation> ops, GrowableBuffer out) {
    int start = out.size();
    try {
      out.putInt(ops.size());
      for (BlazeOperation op : ops) {
        int lengthAt = out.size();
        out.putInt(0);
        BlazeOperationCodec.write(op, out);
        out.setInt(lengthAt, out.size() - lengthAt - 4);
      }
    } catch (BlazeEncodingException e) {
      out.truncate(start);
      throw e;
    }
  }

  /** Decodes a sequence of operations that fills {@code bytes}, with default limits. */
  public static List<BlazeOperation> decodeOperations(byte[] bytes) {
    return decodeOperations(bytes, 0, bytes.length, BlazeBinaryDecoder.withDefaults());
  }

  /** Decodes a sequence of operations that fills {@code bytes[offset, offset + length)}. */
  public static List<BlazeOperation> decodeOperations(byte[] bytes, int offset, int length) {
    return decodeOperations(bytes, offset, length, BlazeBinaryDecoder.withDefaults());
  }

  /** As {@link #decodeOperations(byte[], int, int)}, with {@code decoder}'s limits. */
  public static List<BlazeOperation> decodeOperations(
      byte[] bytes, int offset, int length, BlazeBinaryDecoder decoder) {
    return readOperations(decoder.reader(bytes, offset, length));
  }

  /**
   * Decodes a sequence of operations from {@code buffer}'s position to its limit without copying;
   * the buffer's position, limit and order are not changed.
   */
  public static List<BlazeOperation> decodeOperations(
      ByteBuffer buffer, BlazeBinaryDecoder decoder) {
    return readOperations(decoder.reader(buffer));
  }

  private static List<BlazeOperation> readOperations(WireReader in) {
    int count = readCount(in, "operation");
    List<BlazeOperation> ops = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int itemEnd = readItemEnd(in, "operation");
      int outerEnd = in.end;
      in.end = itemEnd;
      ops.add(BlazeOperationCodec.read(in));
      if (in.pos != itemEnd) {
        throw in.fail(
            "trailing bytes: " + (itemEnd - in.pos) + " bytes after the operation", in.pos);
      }
      in.end = outerEnd;
    }
    checkNoTrailingBytes(in);
    return Collections.unmodifiableList(ops);
  }

  // ---- framing ----

  static int readCount(WireReader in, String what) {
    int at = in.pos;
    long count = in.readU32(what + " count");
    // Each item takes at least its u32 length.
    in.checkCount(count, 4, what, at);
    return (int) count;
  }

  /** Reads an item's length and returns the index where the item ends. */
  static int readItemEnd(WireReader in, String what) {
    long length = in.readU32(what + " length");
    in.require(length, what);
    return in.pos + (int) length;
  }

  static void checkNoTrailingBytes(WireReader in) {
    if (in.pos != in.end) {
      throw in.fail("trailing bytes: " + (in.end - in.pos) + " bytes after the last item", in.pos);
    }
  }
}

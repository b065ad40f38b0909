package dev.blazebench.binary;

import java.util.List;

/**
 * Predicts how many bytes a record encodes to, so that the encoders can allocate their output once:
 * exact when every string and name is ASCII (the common case), short by the extra bytes of
 * non-ASCII characters otherwise (the buffer then grows). Costs one walk over the fields, no string
 * scans: a string's UTF-16 length is its UTF-8 length when it is ASCII.
 */
final class EncodedSize {

  /**
   * Containers nested deeper than this are guessed rather than walked, so a pathological record
   * costs no deep recursion here (the encoder checks depth itself).
   */
  private static final int MAX_WALK_DEPTH = 8;

  /** The guess for a container below {@link #MAX_WALK_DEPTH}: the buffer grows if it is short. */
  private static final long DEEP_CONTAINER_GUESS = 64;

  private EncodedSize() {}

  /** Bytes of {@code record} in {@code version}'s format, assuming ASCII text. */
  static long of(BlazeRecord record, FormatVersion version) {
    long bytes = Wire.HEADER_BYTES + (version == FormatVersion.V2 ? Wire.CRC_BYTES : 0);
    byte[] ids = record.commonFieldIds();
    for (int i = 0; i < record.size(); i++) {
      bytes += ids[i] != 0 ? 1 : 3 + record.nameAt(i).length();
      bytes += ofValue(record.valueAt(i), 0);
    }
    return bytes;
  }

  /** {@code bytes} as an initial buffer capacity. */
  static int capacity(long bytes) {
    return (int) Math.min(bytes, Integer.MAX_VALUE - 8);
  }

  private static long ofValue(BlazeValue value, int depth) {
    if (value instanceof BlazeValue.StringValue s) {
      int chars = s.value().length();
      return chars == 0 ? 1 : chars <= Wire.MAX_SHORT_STRING_BYTES ? 1 + chars : 5 + chars;
    } else if (value instanceof BlazeValue.IntValue i) {
      return i.value() >= 0 && i.value() <= 0xFF ? 2 : 9;
    } else if (value instanceof BlazeValue.DoubleValue || value instanceof BlazeValue.DateValue) {
      return 9;
    } else if (value instanceof BlazeValue.BoolValue) {
      return 2;
    } else if (value instanceof BlazeValue.UuidValue) {
      return 17;
    } else if (value instanceof BlazeValue.DataValue d) {
      return 5L + d.length();
    } else if (value instanceof BlazeValue.ArrayValue a) {
      return ofArray(a.items(), depth + 1);
    } else if (value instanceof BlazeValue.DictionaryValue d) {
      return ofDictionary(d.entries(), depth + 1);
    } else if (value instanceof BlazeValue.VectorValue v) {
      return 5L + 4L * v.length();
    }
    return 1; // null
  }

  private static long ofArray(List<BlazeValue> items, int depth) {
    if (items.isEmpty()) {
      return 1;
    }
    if (depth > MAX_WALK_DEPTH) {
      return DEEP_CONTAINER_GUESS;
    }
    long bytes = 3;
    for (int i = 0; i < items.size(); i++) {
      bytes += ofValue(items.get(i), depth);
    }
    return bytes;
  }

  private static long ofDictionary(BlazeRecord entries, int depth) {
    if (entries.isEmpty()) {
      return 1;
    }
    if (depth > MAX_WALK_DEPTH) {
      return DEEP_CONTAINER_GUESS;
    }
    long bytes = 3;
    for (int i = 0; i < entries.size(); i++) {
      bytes += 2 + entries.nameAt(i).length() + ofValue(entries.valueAt(i), depth);
    }
    return bytes;
  }
}

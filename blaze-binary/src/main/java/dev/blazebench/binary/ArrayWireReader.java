package dev.blazebench.binary;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32;

/** {@link WireReader} over a {@code byte[]} range, reading big-endian through VarHandles. */
final class ArrayWireReader extends WireReader {

  private static final VarHandle SHORT_BE =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT_BE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  /** Little-endian, so that a word's low byte is its first. */
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] bytes;

  /** Made when the second record of a sequence starts; null before. */
  private ShortStringValues shortStrings;

  /** Reads {@code bytes[offset, offset + length)}, already checked to be inside the array. */
  ArrayWireReader(byte[] bytes, int offset, int length, DecodeLimits limits) {
    super(limits, offset, offset + length);
    this.bytes = bytes;
  }

  @Override
  int u8At(int at) {
    return bytes[at] & 0xFF;
  }

  @Override
  int u16At(int at) {
    return (short) SHORT_BE.get(bytes, at) & 0xFFFF;
  }

  @Override
  int i32At(int at) {
    return (int) INT_BE.get(bytes, at);
  }

  @Override
  long i64At(int at) {
    return (long) LONG_BE.get(bytes, at);
  }

  @Override
  String utf8At(int at, int length, String what) {
    return decodeUtf8(bytes, at, length, at, what);
  }

  @Override
  String nameAt(int at, int length, String what) {
    return cachedName(bytes, at, length, at, what);
  }

  @Override
  byte[] bytesAt(int at, int length) {
    return Arrays.copyOfRange(bytes, at, at + length);
  }

  @Override
  BlazeValue.StringValue readShortString(int length) {
    int at = pos;
    if (bytes.length - at < 16 || !pastFirstRecord()) {
      return super.readShortString(length); // near the array's end, or a first record
    }
    // The value's bytes as two words, the bytes past it masked off.
    long low = (long) LONG_LE.get(bytes, at);
    long high = 0;
    if (length < 8) {
      low &= (1L << (8 * length)) - 1;
    } else {
      high = (long) LONG_LE.get(bytes, at + 8) & ((1L << (8 * (length - 8))) - 1);
    }
    high = ShortStringValues.high(high, length);
    if (shortStrings == null) {
      shortStrings = new ShortStringValues();
    }
    BlazeValue.StringValue value = shortStrings.find(low, high);
    if (value != null) {
      pos = at + length;
      return value;
    }
    value = super.readShortString(length);
    shortStrings.remember(low, high, value);
    return value;
  }

  @Override
  boolean regionEquals(int at, byte[] expected) {
    return Arrays.equals(bytes, at, at + expected.length, expected, 0, expected.length);
  }

  @Override
  int crc32At(int at, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, at, length);
    return (int) crc.getValue();
  }
}

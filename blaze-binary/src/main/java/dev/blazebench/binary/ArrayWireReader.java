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

  private final byte[] bytes;

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

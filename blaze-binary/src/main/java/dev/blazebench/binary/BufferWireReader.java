package dev.blazebench.binary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;

/**
 * {@link WireReader} over a {@link ByteBuffer} without a backing array (direct or read-only),
 * through absolute reads on a big-endian duplicate, so the caller's position, limit and byte order
 * are untouched.
 */
final class BufferWireReader extends WireReader {

  /** Longer strings get an array of their own rather than growing the scratch array. */
  private static final int MAX_SCRATCH_BYTES = 64 * 1024;

  private final ByteBuffer buffer;

  private byte[] scratch = new byte[256];

  /** Reads {@code buffer}'s bytes from its position to its limit. */
  BufferWireReader(ByteBuffer buffer, DecodeLimits limits) {
    super(limits, buffer.position(), buffer.limit());
    this.buffer = buffer.duplicate().order(ByteOrder.BIG_ENDIAN);
  }

  @Override
  int u8At(int at) {
    return buffer.get(at) & 0xFF;
  }

  @Override
  int u16At(int at) {
    return buffer.getShort(at) & 0xFFFF;
  }

  @Override
  int i32At(int at) {
    return buffer.getInt(at);
  }

  @Override
  long i64At(int at) {
    return buffer.getLong(at);
  }

  @Override
  String utf8At(int at, int length, String what) {
    // Copy into a reused scratch array, then decode as for arrays: the String's own copy is then
    // the only allocation.
    return decodeUtf8(copyToScratch(at, length), 0, length, at, what);
  }

  @Override
  String nameAt(int at, int length, String what) {
    return cachedName(copyToScratch(at, length), 0, length, at, what);
  }

  /** {@code length} bytes at {@code at}, in a scratch array valid until the next call. */
  private byte[] copyToScratch(int at, int length) {
    if (length > MAX_SCRATCH_BYTES) {
      return bytesAt(at, length);
    }
    if (scratch.length < length) {
      scratch = new byte[Math.max(length, 2 * scratch.length)];
    }
    buffer.get(at, scratch, 0, length);
    return scratch;
  }

  @Override
  byte[] bytesAt(int at, int length) {
    byte[] copy = new byte[length];
    buffer.get(at, copy, 0, length);
    return copy;
  }

  @Override
  boolean regionEquals(int at, byte[] expected) {
    for (int i = 0; i < expected.length; i++) {
      if (buffer.get(at + i) != expected[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  int crc32At(int at, int length) {
    CRC32 crc = new CRC32();
    crc.update(buffer.duplicate().limit(at + length).position(at));
    return (int) crc.getValue();
  }
}

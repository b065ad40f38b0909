package dev.blazebench.protocol;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * A UUID as the 16 bytes the APIs carry ids in: the order of its text form ({@code 550e8400-...} is
 * {@code 55 0e 84 00 ...}), which is also BlazeBinary's and Swift's {@code uuid_t}'s.
 */
public final class UuidBytes {

  /** Bytes in an id. */
  public static final int LENGTH = 16;

  private UuidBytes() {}

  public static byte[] toBytes(UUID id) {
    return ByteBuffer.allocate(LENGTH)
        .putLong(id.getMostSignificantBits())
        .putLong(id.getLeastSignificantBits())
        .array();
  }

  public static ByteString toByteString(UUID id) {
    return ByteString.copyFrom(toBytes(id));
  }

  /**
   * The UUID in {@code bytes}.
   *
   * @throws IllegalArgumentException unless there are exactly 16 bytes
   */
  public static UUID fromBytes(byte[] bytes) {
    checkLength(bytes.length);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return new UUID(buffer.getLong(), buffer.getLong());
  }

  /** The UUID in {@code bytes}; see {@link #fromBytes(byte[])}. */
  public static UUID fromByteString(ByteString bytes) {
    checkLength(bytes.size());
    ByteBuffer buffer = bytes.asReadOnlyByteBuffer();
    return new UUID(buffer.getLong(), buffer.getLong());
  }

  private static void checkLength(int length) {
    if (length != LENGTH) {
      throw new IllegalArgumentException("an id is 16 bytes, was " + length);
    }
  }
}

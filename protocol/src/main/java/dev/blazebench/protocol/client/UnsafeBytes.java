package dev.blazebench.protocol.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;

/** Wraps freshly encoded arrays in a ByteString without copying them. */
final class UnsafeBytes {

  private UnsafeBytes() {}

  /** {@code bytes} as a ByteString; safe because no one else holds or changes the array. */
  static ByteString wrap(byte[] bytes) {
    return UnsafeByteOperations.unsafeWrap(bytes);
  }
}

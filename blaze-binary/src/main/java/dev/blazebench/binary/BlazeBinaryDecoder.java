package dev.blazebench.binary;

import java.nio.ByteBuffer;

/** Reads BlazeBinary records. (Implementation in progress.) */
public final class BlazeBinaryDecoder {
  private final DecodeLimits limits;

  private BlazeBinaryDecoder(DecodeLimits limits) {
    this.limits = limits;
  }

  public static BlazeBinaryDecoder withDefaults() {
    return new BlazeBinaryDecoder(DecodeLimits.defaults());
  }

  public static BlazeBinaryDecoder withLimits(DecodeLimits limits) {
    return new BlazeBinaryDecoder(limits);
  }

  public DecodeLimits limits() {
    return limits;
  }

  public BlazeRecord decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  public BlazeRecord decode(byte[] bytes, int offset, int length) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public BlazeRecord decode(ByteBuffer buffer) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public FormatVersion versionOf(byte[] bytes, int offset, int length) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}

package dev.blazebench.binary;

/** Writes BlazeBinary records. (Implementation in progress.) */
public final class BlazeBinaryEncoder {
  private BlazeBinaryEncoder() {}

  public static byte[] encode(BlazeRecord record, FormatVersion version) {
    GrowableBuffer out = new GrowableBuffer(256);
    encode(record, version, out);
    return out.toByteArray();
  }

  public static void encode(BlazeRecord record, FormatVersion version, GrowableBuffer out) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}

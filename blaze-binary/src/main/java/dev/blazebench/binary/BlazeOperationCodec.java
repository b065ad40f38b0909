package dev.blazebench.binary;

/** Writes and reads one {@link BlazeOperation}. (Implementation in progress.) */
public final class BlazeOperationCodec {
  private BlazeOperationCodec() {}

  public static byte[] encode(BlazeOperation op) {
    GrowableBuffer out = new GrowableBuffer(256);
    encode(op, out);
    return out.toByteArray();
  }

  public static void encode(BlazeOperation op, GrowableBuffer out) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public static BlazeOperation decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  public static BlazeOperation decode(byte[] bytes, int offset, int length) {
    return decode(bytes, offset, length, BlazeBinaryDecoder.withDefaults());
  }

  public static BlazeOperation decode(
      byte[] bytes, int offset, int length, BlazeBinaryDecoder decoder) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}

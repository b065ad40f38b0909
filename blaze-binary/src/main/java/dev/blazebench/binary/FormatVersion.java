package dev.blazebench.binary;

/**
 * The BlazeBinary record format version: the byte after the {@code "BLAZE"} magic.
 *
 * <p>{@link #V1} has no checksum; {@link #V2} ends with a CRC-32 (zlib) of every byte before it.
 * BlazeDB writes V1 by default and V2 once checksums are turned on, so a decoder accepts both.
 */
public enum FormatVersion {
  /** No checksum (wire byte 0x01). */
  V1,
  /** CRC-32 trailer, u32 big-endian (wire byte 0x02). */
  V2;

  /** The version byte as written after the magic. */
  public int wireByte() {
    return this == V1 ? 0x01 : 0x02;
  }

  /**
   * The version whose wire byte is {@code b}.
   *
   * @throws IllegalArgumentException for any other byte
   */
  public static FormatVersion fromWireByte(int b) {
    switch (b) {
      case 0x01:
        return V1;
      case 0x02:
        return V2;
      default:
        throw new IllegalArgumentException(
            "unknown BlazeBinary version 0x" + Integer.toHexString(b & 0xFF));
    }
  }
}

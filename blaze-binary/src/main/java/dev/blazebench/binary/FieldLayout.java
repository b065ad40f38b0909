package dev.blazebench.binary;

import java.nio.charset.StandardCharsets;

/**
 * The field names of a record as a decoder read them, in order, with how each was written: so that
 * the next record of a sequence, which nearly always has the same names, is matched byte for byte
 * instead of decoded, looked up and order-checked again, and its {@link BlazeRecord} shares the
 * name and id arrays (records never change them).
 *
 * <p>Only layouts whose names were strictly in key order are kept, so a record that matches one is
 * as valid as the record it was taken from: same names, same order.
 */
final class FieldLayout {

  /** The names in key order; shared by every record decoded with this layout. */
  final String[] names;

  /** {@code CommonFields.idOf} of each name, for re-encoding; shared as {@link #names}. */
  final byte[] ids;

  /**
   * For a name that was written in full (0xFF), its UTF-8; null for one written as a common-field
   * id, which is then {@code ids[i]}.
   */
  private final byte[][] utf8;

  private FieldLayout(String[] names, byte[] ids, byte[][] utf8) {
    this.names = names;
    this.ids = ids;
    this.utf8 = utf8;
  }

  /**
   * The layout of {@code names} (strictly in key order), where {@code writtenIds[i]} is the id a
   * name was written with, or 0 when it was written in full.
   */
  static FieldLayout of(String[] names, byte[] writtenIds) {
    byte[] ids = new byte[names.length];
    byte[][] utf8 = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      if (writtenIds[i] != 0) {
        ids[i] = writtenIds[i];
      } else {
        // Decoded from well-formed UTF-8, so encoding it again gives the bytes that were read.
        utf8[i] = names[i].getBytes(StandardCharsets.UTF_8);
        ids[i] = (byte) CommonFields.idOf(names[i]);
      }
    }
    return new FieldLayout(names, ids, utf8);
  }

  int size() {
    return names.length;
  }

  /** The id name {@code i} was written with, or -1 when it was written in full. */
  int writtenId(int i) {
    return utf8[i] == null ? ids[i] & 0xFF : -1;
  }

  /** The UTF-8 name {@code i} was written with in full; only when {@link #writtenId} is -1. */
  byte[] writtenUtf8(int i) {
    return utf8[i];
  }
}

package dev.blazebench.server.query;

import java.util.UUID;

/**
 * Reads a UUID from its text form as Swift's {@code UUID(uuidString:)} does: exactly 36 characters,
 * hyphens at positions 8, 13, 18 and 23, hex digits in either case elsewhere.
 *
 * <p>{@link UUID#fromString} is not used because it accepts forms Swift rejects ({@code
 * "1-1-1-1-1"}), and a string that Swift would not read as a UUID must not equal one here either.
 */
public final class UuidText {

  private static final int TEXT_LENGTH = 36;

  private UuidText() {}

  /** The UUID {@code text} spells, or null when it is not a UUID in canonical text form. */
  public static UUID parseOrNull(String text) {
    if (text.length() != TEXT_LENGTH) {
      return null;
    }
    long msb = 0;
    long lsb = 0;
    int digits = 0;
    for (int i = 0; i < TEXT_LENGTH; i++) {
      char c = text.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') {
          return null;
        }
        continue;
      }
      int nibble = Character.digit(c, 16);
      if (nibble < 0 || c > 'f') { // Character.digit also accepts full-width digits
        return null;
      }
      if (digits < 16) {
        msb = (msb << 4) | nibble;
      } else {
        lsb = (lsb << 4) | nibble;
      }
      digits++;
    }
    return new UUID(msb, lsb);
  }
}

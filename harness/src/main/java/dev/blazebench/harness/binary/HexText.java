package dev.blazebench.harness.binary;

import dev.blazebench.harness.BadInputException;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Bytes written as hex text, the way people paste them: whitespace and line breaks anywhere, an
 * optional {@code 0x} in front, either case. Anything else is an error naming its line and column.
 */
public final class HexText {

  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private HexText() {}

  /**
   * The bytes {@code text} spells.
   *
   * @throws BadInputException for a character that is not a hex digit, or an odd digit count
   */
  public static byte[] parse(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() / 2);
    int start = skipPrefix(text);
    int line = 1;
    int column = 1;
    int digits = 0;
    int high = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        column = 1;
        continue;
      }
      if (i >= start && !Character.isWhitespace(c)) {
        int nibble = nibble(c);
        if (nibble < 0) {
          throw new BadInputException(
              "invalid hex digit "
                  + describe(c)
                  + " at line "
                  + line
                  + ", column "
                  + column
                  + " (character "
                  + (i + 1)
                  + ")");
        }
        if (digits % 2 == 0) {
          high = nibble;
        } else {
          bytes.write(high << 4 | nibble);
        }
        digits++;
      }
      column++;
    }
    if (digits % 2 != 0) {
      throw new BadInputException(
          "odd number of hex digits (" + digits + "): the last byte is incomplete");
    }
    return bytes.toByteArray();
  }

  /** Lower-case hex, no separators. */
  public static String format(byte[] bytes) {
    char[] text = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      text[2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
      text[2 * i + 1] = DIGITS[bytes[i] & 0xF];
    }
    return new String(text);
  }

  /** Index of the first character after an optional leading {@code 0x}, past leading blanks. */
  private static int skipPrefix(String text) {
    int i = 0;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    boolean prefixed =
        i + 1 < text.length()
            && text.charAt(i) == '0'
            && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X');
    return prefixed ? i + 2 : 0;
  }

  private static int nibble(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static String describe(char c) {
    return c >= 0x20 && c < 0x7F ? "'" + c + "'" : String.format(Locale.ROOT, "U+%04X", (int) c);
  }
}

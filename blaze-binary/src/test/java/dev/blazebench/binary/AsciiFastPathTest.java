package dev.blazebench.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The encoder's ASCII fast path (a string's own bytes, checked a word at a time) writes exactly
 * what the char-by-char path writes, for every length around the word and short-string boundaries
 * and a non-ASCII char at every position.
 */
class AsciiFastPathTest {

  @Test
  void isAsciiFindsAHighByteAtEveryPositionOfEveryLength() {
    for (int length = 0; length <= 40; length++) {
      byte[] a = new byte[length];
      Arrays.fill(a, (byte) 'x');
      assertTrue(Utf8.isAscii(a), "length " + length);
      for (int at = 0; at < length; at++) {
        for (byte high : new byte[] {(byte) 0x80, (byte) 0xE9, (byte) 0xFF}) {
          a[at] = high;
          assertFalse(Utf8.isAscii(a), "length " + length + " at " + at);
        }
        a[at] = 0x7F;
        assertTrue(Utf8.isAscii(a), "length " + length + " at " + at);
      }
    }
  }

  /**
   * The range check reads only its range (high bytes right before and after it change nothing) and
   * finds a high byte at every position, for every length class (none, 1-3, 4-7, 8-31, 32 and more)
   * and offset.
   */
  @Test
  void aRangeIsCheckedWholeAndAlone() {
    for (int length = 0; length <= 100; length++) {
      for (int from = 0; from <= 9; from++) {
        byte[] a = new byte[from + length + 9];
        Arrays.fill(a, (byte) 0xFF);
        Arrays.fill(a, from, from + length, (byte) 'x');
        assertTrue(Utf8.isAscii(a, from, length), "length " + length + " from " + from);
        for (int at = from; at < from + length; at++) {
          a[at] = (byte) 0x80;
          assertFalse(Utf8.isAscii(a, from, length), "length " + length + " high at " + at);
          a[at] = 0x7F;
        }
      }
    }
  }

  @Test
  void latin1BytesAreTheStringsCharsOrNull() {
    StringBytes inPlace = StringBytes.choose(17);
    if (!inPlace.readsInPlace()) {
      return; // not on this JVM: StringBytesPropertyTest says why that must be JDK 24+
    }
    assertArrayEquals(
        "Blaze é".getBytes(StandardCharsets.ISO_8859_1), inPlace.latin1Bytes("Blaze é"));
    assertNull(inPlace.latin1Bytes("Blaze \u0100"), "a UTF-16 string");
    assertNull(inPlace.latin1Bytes("\uD83D\uDE00"), "a surrogate pair");
    assertNull(inPlace.latin1Bytes(""), "the empty string");
  }

  @Test
  void everyStringAndNameEncodesAsItsUtf8WhateverItsChars() {
    String[] odd = {"é", "\u00FF", "\u0100", "\u20AC", "\uD83D\uDE00", "\u0080"};
    for (int length = 1; length <= 40; length++) {
      for (int at = -1; at < length; at++) {
        for (String other : odd) {
          String s = "a".repeat(Math.max(0, at)) + (at >= 0 ? other : "a");
          s = s + "b".repeat(Math.max(0, length - s.length()));
          byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
          BlazeRecord record =
              BlazeRecord.builder()
                  .put("s", BlazeValue.string(s))
                  .put(s, BlazeValue.integer(1)) // a custom field name
                  .build();
          BlazeRecord decoded =
              BlazeBinaryDecoder.withDefaults()
                  .decode(BlazeBinaryEncoder.encode(record, FormatVersion.V1));
          assertEquals(record, decoded, s);
          assertArrayEquals(
              utf8,
              ((BlazeValue.StringValue) decoded.get("s")).value().getBytes(StandardCharsets.UTF_8));
          assertArrayEquals(expectedString(utf8), valueBytes(s), s);
        }
      }
    }
  }

  /** The value bytes BLAZEBINARY.md prescribes for a string of UTF-8 {@code utf8}. */
  static byte[] expectedString(byte[] utf8) {
    int n = utf8.length;
    byte[] header =
        n == 0
            ? new byte[] {Wire.TAG_EMPTY_STRING}
            : n <= Wire.MAX_SHORT_STRING_BYTES
                ? new byte[] {(byte) (Wire.TAG_SHORT_STRING | n)}
                : new byte[] {
                  Wire.TAG_STRING, (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n
                };
    byte[] out = new byte[header.length + n];
    System.arraycopy(header, 0, out, 0, header.length);
    System.arraycopy(utf8, 0, out, header.length, n);
    return out;
  }

  /** The bytes the encoder writes for {@code s} as the value of common field "title" (0x06). */
  private static byte[] valueBytes(String s) {
    byte[] bytes =
        BlazeBinaryEncoder.encode(
            BlazeRecord.builder().put("title", BlazeValue.string(s)).build(), FormatVersion.V1);
    // Header (8 bytes), then the one-byte id, then the value.
    return Arrays.copyOfRange(bytes, Wire.HEADER_BYTES + 1, bytes.length);
  }
}

package dev.blazebench.binary;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * UTF-8 without the JDK's replacement behaviour: encoding refuses unpaired surrogates (a Swift
 * {@code String} cannot hold one, so BlazeDB could never have written it) and validation finds the
 * first byte that is not well-formed UTF-8 (Unicode Table 3-7: no overlongs, no encoded surrogates,
 * nothing above U+10FFFF).
 */
final class Utf8 {

  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());

  private Utf8() {}

  /** The most UTF-8 bytes one UTF-16 char can need (a surrogate pair needs 4 for 2 chars). */
  static final int MAX_BYTES_PER_CHAR = 3;

  /**
   * Writes the leading ASCII chars of {@code s} into {@code dst} from {@code start}, which must
   * have room for {@code s.length()} bytes, and returns how many there were: {@code s.length()}
   * when {@code s} is all ASCII, its UTF-8 then written in full.
   */
  static int encodeAscii(String s, byte[] dst, int start) {
    int n = s.length();
    int i = 0;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        break;
      }
      dst[start + i] = (byte) c;
    }
    return i;
  }

  /**
   * Writes {@code s} as UTF-8 into {@code dst} from {@code start}, which must have room for {@code
   * 3 * s.length()} bytes.
   *
   * @return the index after the last byte written, or {@code -(i + 1)} when the char at index
   *     {@code i} is an unpaired surrogate (then some bytes may have been written)
   */
  static int encode(String s, byte[] dst, int start) {
    int n = s.length();
    int i = 0;
    // ASCII prefix: most names and many values are pure ASCII. One induction variable for both
    // arrays lets the JIT hoist the range checks.
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        break;
      }
      dst[start + i] = (byte) c;
    }
    int p = start + i;
    while (i < n) {
      char c = s.charAt(i);
      if (c < 0x80) {
        dst[p++] = (byte) c;
      } else if (c < 0x800) {
        dst[p++] = (byte) (0xC0 | (c >> 6));
        dst[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        char low;
        if (!Character.isHighSurrogate(c)
            || i + 1 == n
            || !Character.isLowSurrogate(low = s.charAt(i + 1))) {
          return -(i + 1);
        }
        int cp = Character.toCodePoint(c, low);
        dst[p++] = (byte) (0xF0 | (cp >> 18));
        dst[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        dst[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        dst[p++] = (byte) (0x80 | (cp & 0x3F));
        i++;
      } else {
        dst[p++] = (byte) (0xE0 | (c >> 12));
        dst[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        dst[p++] = (byte) (0x80 | (c & 0x3F));
      }
      i++;
    }
    return p;
  }

  /**
   * The UTF-8 length of {@code s}, or {@code -(i + 1)} when the char at index {@code i} is an
   * unpaired surrogate.
   */
  static long encodedLength(String s) {
    int n = s.length();
    long bytes = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isSurrogate(c)) {
        if (!Character.isHighSurrogate(c)
            || i + 1 == n
            || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return -(i + 1L);
        }
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /** Whether every byte of {@code a} is ASCII (below 0x80). */
  static boolean isAscii(byte[] a) {
    return isAscii(a, 0, a.length);
  }

  /**
   * Whether every byte of {@code a[from, from + n)} is ASCII (below 0x80), eight bytes at a time.
   *
   * <p>Built for many short strings of varied length, where the cost is less the bytes than the
   * mispredicted exits of length-dependent loops: 32 bytes or more take one loop of four words and
   * then the last 32 bytes (overlapping, so some bytes are checked twice); shorter ones take no
   * loop at all, four, two or three loads chosen by length class, which each field's strings mostly
   * share. Measured against the former shape (a loop of four words, then a loop of one for the
   * tail): the run-time typed encode of 1,000 bugs went from 0.49-0.54x to 0.57-0.58x Fory's speed
   * (CpuTimeComparison, two runs each, interleaved; near the noise, which is up to 0.05x between
   * identical builds), and a hand-written codec's from 0.67-0.74x to 0.77-0.78x (paired rounds).
   */
  static boolean isAscii(byte[] a, int from, int n) {
    long bits;
    if (n >= 32) {
      bits = 0;
      int last = from + n - 32;
      for (int i = from; i < last; i += 32) {
        bits |=
            (long) LONG.get(a, i)
                | (long) LONG.get(a, i + 8)
                | (long) LONG.get(a, i + 16)
                | (long) LONG.get(a, i + 24);
      }
      bits |=
          (long) LONG.get(a, last)
              | (long) LONG.get(a, last + 8)
              | (long) LONG.get(a, last + 16)
              | (long) LONG.get(a, last + 24);
    } else if (n >= 8) {
      // Words at 0, 8 and 16 (or less) and the last: no gap, none past the end.
      int last = n - 8;
      bits =
          (long) LONG.get(a, from)
              | (long) LONG.get(a, from + Math.min(8, last))
              | (long) LONG.get(a, from + Math.min(16, last))
              | (long) LONG.get(a, from + last);
    } else if (n >= 4) {
      bits = (int) INT.get(a, from) | (int) INT.get(a, from + n - 4);
    } else if (n > 0) {
      return (a[from] | a[from + (n >> 1)] | a[from + n - 1]) >= 0;
    } else {
      return true;
    }
    return (bits & 0x8080_8080_8080_8080L) == 0;
  }

  /** Whether {@code a} holds a '?' (0x3F), eight bytes at a time. */
  static boolean containsQuestionMark(byte[] a) {
    int i = 0;
    for (; i <= a.length - 8; i += 8) {
      long v = (long) LONG.get(a, i) ^ 0x3F3F_3F3F_3F3F_3F3FL; // a '?' byte becomes zero
      if (((v - 0x0101_0101_0101_0101L) & ~v & 0x8080_8080_8080_8080L) != 0) {
        return true;
      }
    }
    for (; i < a.length; i++) {
      if (a[i] == '?') {
        return true;
      }
    }
    return false;
  }

  /**
   * The index of the first byte in {@code a[from, to)} that starts an ill-formed sequence (or the
   * lead byte of a sequence cut off by {@code to}), or -1 when the range is well-formed UTF-8.
   */
  static int firstInvalid(byte[] a, int from, int to) {
    int i = from;
    while (i < to) {
      int b = a[i] & 0xFF;
      if (b < 0x80) {
        i++;
        continue;
      }
      int need;
      int lo = 0x80;
      int hi = 0xBF;
      if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
        if (b == 0xE0) {
          lo = 0xA0; // no overlongs
        } else if (b == 0xED) {
          hi = 0x9F; // no surrogates D800-DFFF
        }
      } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        if (b == 0xF0) {
          lo = 0x90; // no overlongs
        } else if (b == 0xF4) {
          hi = 0x8F; // nothing above U+10FFFF
        }
      } else {
        return i; // 80-C1 (continuation or overlong lead), F5-FF
      }
      if (need > to - i - 1) {
        return i;
      }
      int second = a[i + 1] & 0xFF;
      if (second < lo || second > hi) {
        return i;
      }
      for (int k = 2; k <= need; k++) {
        int next = a[i + k] & 0xFF;
        if (next < 0x80 || next > 0xBF) {
          return i;
        }
      }
      i += need + 1;
    }
    return -1;
  }
}

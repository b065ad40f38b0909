package dev.blazebench.binary;

import java.text.Normalizer;
import java.util.Comparator;

/**
 * The order BlazeDB writes field names and dictionary keys in: the order of Swift's {@code String}
 * comparison, which is NFC-normalise, then compare Unicode code points.
 *
 * <p>Java's {@link String#compareTo} compares UTF-16 units, which puts astral characters (U+10000
 * and above, stored as surrogates D800-DFFF) before U+E000-U+FFFF; Swift puts them after. And
 * canonically equivalent names ({@code "é"} and {@code "e\u0301"}) are one key in Swift.
 */
public final class KeyOrder implements Comparator<String> {

  /** The shared instance. */
  public static final KeyOrder INSTANCE = new KeyOrder();

  private KeyOrder() {}

  @Override
  public int compare(String a, String b) {
    return compareCodePoints(normalize(a), normalize(b));
  }

  /** True when {@code a} and {@code b} name the same key in Swift (canonically equivalent). */
  public static boolean sameKey(String a, String b) {
    return a.equals(b) || normalize(a).equals(normalize(b));
  }

  /** NFC form of {@code name}; ASCII (the common case) is returned as is, without allocation. */
  public static String normalize(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) >= 0x80) {
        return Normalizer.normalize(name, Normalizer.Form.NFC);
      }
    }
    return name;
  }

  /**
   * Compares two (already normalised) strings by Unicode code points. Equal to comparing {@code
   * codePointAt} values, without decoding: at the first differing UTF-16 unit, surrogates (which
   * encode U+10000 and above) are moved above U+E000-U+FFFF, the same fix-up ICU uses.
   */
  static int compareCodePoints(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      int ca = a.charAt(i);
      int cb = b.charAt(i);
      if (ca != cb) {
        if (ca >= 0xD800 && cb >= 0xD800) {
          ca = ca >= 0xE000 ? ca - 0x800 : ca + 0x2000;
          cb = cb >= 0xE000 ? cb - 0x800 : cb + 0x2000;
        }
        return ca - cb;
      }
    }
    return a.length() - b.length();
  }
}

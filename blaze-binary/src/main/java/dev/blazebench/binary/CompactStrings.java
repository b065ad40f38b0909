package dev.blazebench.binary;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.Arrays;

/**
 * Reads the bytes the JVM stores a Latin-1 {@code String} in (compact strings, JDK 9+), without a
 * copy, so that the encoder can check a string for ASCII eight bytes at a time and copy it straight
 * into its output. No public API hands out a string's bytes without allocating a copy, and a {@code
 * charAt} loop costs several times more; Apache Fory reads the same field through {@code
 * sun.misc.Unsafe} for the same reason.
 *
 * <p>The array returned is the {@code String}'s own: callers only read it. When anything is not as
 * expected (JDK 24 or later, which warns on {@code sun.misc.Unsafe}; {@code sun.misc.Unsafe}
 * missing, {@code String} laid out differently, compact strings turned off), a self-test at class
 * initialisation fails, {@link #latin1Bytes} returns null for every string and callers take their
 * ordinary path.
 */
final class CompactStrings {

  /** {@code (Object) -> Object}: the string's {@code value} field; null when unavailable. */
  private static final MethodHandle VALUE = checked(lookUpValueReader());

  private CompactStrings() {}

  /** Whether strings' bytes are read in place on this JVM. */
  static boolean available() {
    return VALUE != null;
  }

  /**
   * The bytes {@code s} is stored in when it is stored as Latin-1, one byte per char ({@code
   * s.length()} bytes); null otherwise (a char above U+00FF, compact strings off, the empty string,
   * or no access on this JVM). Read only.
   */
  static byte[] latin1Bytes(String s) {
    if (VALUE == null) {
      return null;
    }
    byte[] value = valueOf(VALUE, s);
    // A UTF-16 string stores two bytes per char, so a length match means Latin-1 (except "").
    return value.length == s.length() && value.length != 0 ? value : null;
  }

  private static byte[] valueOf(MethodHandle value, String s) {
    try {
      return (byte[]) (Object) value.invokeExact((Object) s);
    } catch (Throwable e) {
      throw new IllegalStateException("reading a String's bytes failed", e);
    }
  }

  /**
   * From JDK 24 on, the first use of {@code sun.misc.Unsafe}'s memory access prints a warning to
   * standard error (JEP 498) in every program that encodes a record; there the fast path is off.
   */
  private static final int FIRST_JDK_WARNING_ON_UNSAFE = 24;

  private static MethodHandle lookUpValueReader() {
    if (Runtime.version().feature() >= FIRST_JDK_WARNING_ON_UNSAFE) {
      return null;
    }
    try {
      // Looked up reflectively: a compile-time reference to sun.misc.Unsafe draws a javac warning
      // that cannot be suppressed, and this way a JVM without it just disables the fast path.
      Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
      Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
      theUnsafe.setAccessible(true);
      Object unsafe = theUnsafe.get(null);
      Field value = String.class.getDeclaredField("value");
      if (value.getType() != byte[].class) {
        return null; // JDK 8 and earlier: char[]
      }
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      long offset =
          (long)
              lookup
                  .findVirtual(
                      unsafeClass,
                      "objectFieldOffset",
                      MethodType.methodType(long.class, Field.class))
                  .invoke(unsafe, value);
      MethodHandle getObject =
          lookup.findVirtual(
              unsafeClass,
              "getObject",
              MethodType.methodType(Object.class, Object.class, long.class));
      return MethodHandles.insertArguments(getObject.bindTo(unsafe), 1, offset);
    } catch (Throwable e) { // any failure only disables the fast path
      return null;
    }
  }

  /**
   * {@code value} when known strings read back as their Latin-1 bytes and a UTF-16 string is told
   * apart by its length, else null.
   */
  private static MethodHandle checked(MethodHandle value) {
    if (value == null) {
      return null;
    }
    try {
      String latin1 = new String(new char[] {'B', 'l', 'a', 'z', 'e', '\u00e9'});
      String utf16 = new String(new char[] {'B', '\u0100'});
      boolean ok =
          Arrays.equals(valueOf(value, latin1), new byte[] {'B', 'l', 'a', 'z', 'e', (byte) 0xE9})
              && valueOf(value, utf16).length == 4;
      return ok ? value : null;
    } catch (RuntimeException e) {
      return null;
    }
  }
}

package dev.blazebench.binary;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.Arrays;

/**
 * How the encoder reaches a {@code String}'s bytes: on JDK 17 to 23, the bytes the JVM stores a
 * Latin-1 string in (compact strings, JDK 9+), read in place without a copy, so that an ASCII
 * string is checked a word at a time and copied straight into the output; elsewhere not at all, and
 * callers encode through the public {@code String} API ({@code charAt}, {@code getBytes}). No
 * public API hands out a string's bytes without allocating a copy, and a {@code charAt} loop costs
 * several times more; Apache Fory reads the same field through {@code sun.misc.Unsafe} for the same
 * reason.
 *
 * <p>{@link #CHOSEN} is decided once, when this class is initialised: the in-place reader when the
 * program opens {@code java.lang} to this code ({@code --add-opens
 * java.base/java.lang=ALL-UNNAMED}: a private lookup, any JDK, no warning), or when the JDK is
 * older than 24 (from 24 on, the first use of {@code sun.misc.Unsafe}'s memory access prints a
 * warning to standard error, JEP 498) and {@code sun.misc.Unsafe} and {@code String}'s {@code
 * value} field are there; in both cases only if a self-test reads known Latin-1 and UTF-16 strings
 * back correctly (so not with {@code -XX:-CompactStrings}, where every string is UTF-16); otherwise
 * the public-API path (measured on JDK 25, 1,000 bugs: the generated encode at 0.34-0.35x Fory's
 * speed on the public path, 0.62-0.65x with {@code java.lang} opened). Any failure on the way (a
 * {@code SecurityException}, a missing field) only selects the public path. Both paths write the
 * same bytes for every string: tests run each.
 *
 * <p>The array {@link #latin1Bytes} returns is the {@code String}'s own: callers only read it.
 *
 * <p>Decoding needs no such access: on JDK 17, {@code new String(bytes, offset, length, UTF_8)}
 * already is one vectorised ASCII check and one copy for an ASCII string, the least a decoder that
 * must validate UTF-8 can do (Fory skips the check only because its format carries a Latin-1 coder
 * flag, and makes one copy too).
 */
abstract sealed class StringBytes permits StringBytes.InPlace, StringBytes.PublicApi {

  /**
   * From JDK 24 on, the first use of {@code sun.misc.Unsafe}'s memory access prints a warning to
   * standard error (JEP 498) in every program that encodes a record; there the public path is used.
   */
  static final int FIRST_JDK_WARNING_ON_UNSAFE = 24;

  /** The implementation for this JVM; a constant, so the JIT inlines its calls. */
  static final StringBytes CHOSEN = choose(Runtime.version().feature());

  private StringBytes() {}

  /**
   * The in-place reader when {@code jdkFeatureVersion} allows it and it works on this JVM, else the
   * public-API path. Package-private so that tests can obtain either.
   */
  static StringBytes choose(int jdkFeatureVersion) {
    if (InPlace.VALUE != null
        && (InPlace.OPENED || jdkFeatureVersion < FIRST_JDK_WARNING_ON_UNSAFE)) {
      return InPlace.INSTANCE;
    }
    return PublicApi.INSTANCE;
  }

  /** The public-API path: {@link #latin1Bytes} is always null. */
  static StringBytes publicApi() {
    return PublicApi.INSTANCE;
  }

  /** Whether strings' bytes are read in place. */
  abstract boolean readsInPlace();

  /**
   * The bytes {@code s} is stored in when it is stored as Latin-1, one byte per char ({@code
   * s.length()} bytes); null otherwise (a char above U+00FF, compact strings off, the empty string,
   * or the public-API path), and then the caller goes through {@code s}'s chars. Read only.
   */
  abstract byte[] latin1Bytes(String s);

  /**
   * Reads {@code String.value}: through a private lookup when the program opens {@code java.lang}
   * to this code ({@code --add-opens java.base/java.lang=ALL-UNNAMED}, any JDK, no warning), else
   * through {@code sun.misc.Unsafe}, found reflectively (JDK 17 to 23).
   */
  static final class InPlace extends StringBytes {

    /** The private-lookup reader, or null when {@code java.lang} is not open to this code. */
    private static final MethodHandle OPENED_VALUE = selfTested(lookUpOpenedValueReader());

    /** Whether {@link #VALUE} reads through the private lookup (so no JDK warns about it). */
    static final boolean OPENED = OPENED_VALUE != null;

    /**
     * {@code (Object) -> Object}: the string's {@code value} field, or null when it cannot be read
     * here. A static final handle is a constant to the JIT, which inlines it to one field load.
     */
    private static final MethodHandle VALUE =
        OPENED ? OPENED_VALUE : selfTested(lookUpValueReader());

    /** Handed out by {@link #choose} only when {@link #VALUE} is not null. */
    private static final InPlace INSTANCE = new InPlace();

    private InPlace() {}

    @Override
    boolean readsInPlace() {
      return true;
    }

    @Override
    byte[] latin1Bytes(String s) {
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

    /** {@code String.value}'s getter from a private lookup, or null when not allowed here. */
    private static MethodHandle lookUpOpenedValueReader() {
      try {
        if (!String.class.getModule().isOpen("java.lang", StringBytes.class.getModule())) {
          return null;
        }
        MethodHandle getter =
            MethodHandles.privateLookupIn(String.class, MethodHandles.lookup())
                .findGetter(String.class, "value", byte[].class);
        return getter.asType(MethodType.methodType(Object.class, Object.class));
      } catch (Throwable e) { // no such field (another JVM), a SecurityException: not this way
        return null;
      }
    }

    /** The handle reading {@code String.value} through Unsafe, or null when not made here. */
    private static MethodHandle lookUpValueReader() {
      if (Runtime.version().feature() >= FIRST_JDK_WARNING_ON_UNSAFE) {
        return null;
      }
      try {
        // Looked up reflectively: a compile-time reference to sun.misc.Unsafe draws a javac
        // warning that cannot be suppressed, and this way a JVM without it just takes the public
        // path.
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
      } catch (Throwable e) { // a SecurityException, a missing class or field: the public path
        return null;
      }
    }

    /**
     * {@code value} when known strings read back as their Latin-1 bytes and a UTF-16 string is told
     * apart by its length (so not with compact strings off), else null.
     */
    private static MethodHandle selfTested(MethodHandle value) {
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

  /** Never reads a string's bytes: callers take the public {@code String} API. */
  static final class PublicApi extends StringBytes {

    static final PublicApi INSTANCE = new PublicApi();

    private PublicApi() {}

    @Override
    boolean readsInPlace() {
      return false;
    }

    @Override
    byte[] latin1Bytes(String s) {
      return null;
    }
  }
}

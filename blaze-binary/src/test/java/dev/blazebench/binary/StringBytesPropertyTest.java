package dev.blazebench.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The two ways the encoder reaches a string's bytes ({@link StringBytes}: read in place on JDK
 * 17-23, the public {@code String} API elsewhere) write the same bytes for every string, and those
 * are the string's UTF-8 in the form BLAZEBINARY.md prescribes; a string with an unpaired surrogate
 * is refused by both, with the same message. Both implementations are obtained through {@link
 * StringBytes#choose}, so the path this JVM does not pick is tested too.
 */
class StringBytesPropertyTest {

  /** The in-place reader where this JVM allows it, else the public path again. */
  private static final StringBytes IN_PLACE = StringBytes.choose(17);

  private static final StringBytes PUBLIC = StringBytes.publicApi();

  /**
   * Strings of every kind of char, in runs so that ASCII prefixes and word boundaries vary: ASCII,
   * Latin-1 above ASCII ("é", U+0080, U+00FF), other BMP chars, supplementary chars as surrogate
   * pairs, and unpaired surrogates now and then.
   */
  @Provide
  Arbitrary<String> strings() {
    Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMinLength(0).ofMaxLength(40);
    Arbitrary<String> latin1 =
        Arbitraries.strings().withCharRange('\u0080', '\u00FF').ofMaxLength(3);
    Arbitrary<String> bmp = Arbitraries.strings().withCharRange('\u0100', '\uD7FF').ofMaxLength(3);
    Arbitrary<String> supplementary =
        Arbitraries.integers()
            .between(0x10000, 0x10FFFF)
            .map(cp -> new String(Character.toChars(cp)));
    Arbitrary<String> lone = Arbitraries.chars().range('\uD800', '\uDFFF').map(String::valueOf);
    Arbitrary<String> run =
        Arbitraries.frequencyOf(
            Tuple.of(12, ascii),
            Tuple.of(3, latin1),
            Tuple.of(2, bmp),
            Tuple.of(2, supplementary),
            Tuple.of(1, lone));
    return run.list().ofMaxSize(6).map(parts -> String.join("", parts));
  }

  @Property(tries = 2000)
  void stringValuesAreWrittenAlikeByBothPaths(@ForAll("strings") String s) {
    String expected =
        wellFormed(s)
            ? Hex.hex(AsciiFastPathTest.expectedString(s.getBytes(StandardCharsets.UTF_8)))
            : "refused";
    assertWrittenByBothPathsAs(
        expected, strings -> out -> BlazeBinaryEncoder.writeString(strings, s, out, "f"));
  }

  @Property(tries = 2000)
  void namesAreWrittenAlikeByBothPaths(@ForAll("strings") String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    String expected =
        wellFormed(s) ? String.format(Locale.ROOT, "%04x", utf8.length) + Hex.hex(utf8) : "refused";
    assertWrittenByBothPathsAs(
        expected,
        strings -> out -> BlazeBinaryEncoder.writeShortUtf8(strings, s, out, "field name", s));
  }

  @Property(tries = 2000)
  void latin1BytesAreTheStringsOwnCharsOrNull(@ForAll("strings") String s) {
    assertNull(PUBLIC.latin1Bytes(s));
    byte[] latin1 = IN_PLACE.latin1Bytes(s);
    boolean storedAsLatin1 = !s.isEmpty() && s.chars().allMatch(c -> c <= 0xFF);
    if (!IN_PLACE.readsInPlace() || !storedAsLatin1) {
      assertNull(latin1);
      return;
    }
    assertArrayEquals(s.getBytes(StandardCharsets.ISO_8859_1), latin1);
  }

  @Example
  void eachKindOfStringIsWrittenAsItsUtf8() {
    String[] strings = {
      "a",
      "status",
      "0123456789abcde",
      "0123456789abcdef",
      "é",
      "café au lait, s'il vous plaît",
      "\u00FF\u0080",
      "\u20AC uro",
      "\uD83D\uDE00 grin",
      "x".repeat(300) + "\u00E9"
    };
    for (String s : strings) {
      byte[] expected = AsciiFastPathTest.expectedString(s.getBytes(StandardCharsets.UTF_8));
      assertArrayEquals(expected, valueBytes(PUBLIC, s), s);
      assertArrayEquals(expected, valueBytes(IN_PLACE, s), s);
    }
  }

  @Example
  void unpairedSurrogatesAreRefusedByBothPaths() {
    for (String s : new String[] {"\uD800", "ab\uDC00", "\uD83Dx", "x".repeat(20) + "\uDFFF"}) {
      for (StringBytes strings : new StringBytes[] {PUBLIC, IN_PLACE}) {
        BlazeEncodingException e =
            assertThrows(
                BlazeEncodingException.class,
                () -> BlazeBinaryEncoder.writeString(strings, s, new GrowableBuffer(0), "f"));
        assertTrue(e.getMessage().contains("unpaired surrogate"), e.getMessage());
      }
    }
  }

  @Example
  void theInPlacePathIsChosenBelowJdk24AndNeverFrom24On() {
    assertSame(PUBLIC, StringBytes.choose(StringBytes.FIRST_JDK_WARNING_ON_UNSAFE));
    assertSame(PUBLIC, StringBytes.choose(25));
    assertFalse(PUBLIC.readsInPlace());
    int feature = Runtime.version().feature();
    if (feature >= StringBytes.FIRST_JDK_WARNING_ON_UNSAFE) {
      // On JDK 24+ even a caller asking for an old version gets the public path: the check is
      // against the running JVM too, so sun.misc.Unsafe is never touched (it would warn).
      assertFalse(IN_PLACE.readsInPlace());
      assertFalse(StringBytes.CHOSEN.readsInPlace());
    } else if (!compactStringsTurnedOff()) {
      // On the JDKs this project builds and benchmarks with, the fast path must really be taken:
      // a silent fallback would pass every other test and lose the speed.
      assertTrue(StringBytes.CHOSEN.readsInPlace());
      assertSame(StringBytes.CHOSEN, IN_PLACE);
    }
  }

  private static boolean compactStringsTurnedOff() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:-CompactStrings");
  }

  /**
   * Writes through the public path and the in-place path: both must give {@code expected} (hex), or
   * both refuse with the same message ({@code expected} is then "refused").
   */
  private static void assertWrittenByBothPathsAs(
      String expected, Function<StringBytes, Consumer<GrowableBuffer>> write) {
    String publicApi = outcome(write.apply(PUBLIC));
    String inPlace = outcome(write.apply(IN_PLACE));
    assertEquals(publicApi, inPlace);
    assertEquals(expected, publicApi.startsWith("refused") ? "refused" : publicApi);
    if (expected.equals("refused")) {
      assertTrue(publicApi.contains("unpaired surrogate"), publicApi);
    }
  }

  /** The bytes written into a fresh buffer, as hex, or "refused: " and the message. */
  private static String outcome(Consumer<GrowableBuffer> write) {
    GrowableBuffer out = new GrowableBuffer(0);
    try {
      write.accept(out);
    } catch (BlazeEncodingException e) {
      return "refused: " + e.getMessage();
    }
    return Hex.hex(out.toByteArray());
  }

  private static byte[] valueBytes(StringBytes strings, String s) {
    GrowableBuffer out = new GrowableBuffer(0);
    BlazeBinaryEncoder.writeString(strings, s, out, "f");
    return out.toByteArray();
  }

  private static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}

package dev.blazebench.binary;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators for BlazeBinary values, records and operations, biased towards the corners of
 * the format: astral and combining characters, 15/16-byte strings, 0..255, NaN payloads, -0.0,
 * empty containers.
 */
final class BlazeArbitraries {

  private BlazeArbitraries() {}

  /** Valid Unicode scalar values (no surrogates), weighted towards the interesting ranges. */
  static Arbitrary<Integer> codePoints() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.integers().between(0x20, 0x7E)),
        Tuple.of(1, Arbitraries.integers().between(0x00, 0x1F)),
        Tuple.of(2, Arbitraries.integers().between(0x80, 0x7FF)),
        Tuple.of(2, Arbitraries.integers().between(0x300, 0x36F)), // combining marks
        Tuple.of(2, Arbitraries.integers().between(0x800, 0xD7FF)),
        Tuple.of(2, Arbitraries.integers().between(0xE000, 0xFFFF)),
        Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)),
        Tuple.of(
            2,
            Arbitraries.of(
                0x65, 0x301, 0xE9, 0x212B, 0x212A, 0xC5, 0x1F600, 0xFEFF, 0xFFFF, 0x10FFFF, 0xAC00,
                0x1100, 0x1161)));
  }

  static Arbitrary<String> unicodeStrings(int maxCodePoints) {
    return codePoints()
        .list()
        .ofMaxSize(maxCodePoints)
        .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
  }

  /** Strings whose UTF-8 length sits around the 15/16-byte boundary of the short form. */
  static Arbitrary<String> boundaryStrings() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(14).ofMaxLength(17),
        Arbitraries.strings().withCharRange('\u00E0', '\u00FF').ofMinLength(7).ofMaxLength(8),
        Arbitraries.strings().withCharRange('\u4E00', '\u4E20').ofMinLength(4).ofMaxLength(6),
        Arbitraries.of(
            "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", "😀😀😀😀", "😀😀😀a", "é".repeat(8)));
  }

  static Arbitrary<String> strings() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, unicodeStrings(20)),
        Tuple.of(2, boundaryStrings()),
        Tuple.of(1, Arbitraries.just("")),
        Tuple.of(1, unicodeStrings(300)));
  }

  static Arbitrary<String> names() {
    List<String> common = new ArrayList<>();
    for (int id = 1; id <= CommonFields.LAST_ID; id++) {
      common.add(CommonFields.nameOf(id));
    }
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(common)),
        Tuple.of(3, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12)),
        Tuple.of(3, unicodeStrings(8)));
  }

  static Arbitrary<BlazeValue> integers() {
    return Arbitraries.oneOf(
            Arbitraries.longs(),
            Arbitraries.longs().between(-3, 260),
            Arbitraries.of(0L, 255L, 256L, -1L, -256L, Long.MIN_VALUE, Long.MAX_VALUE))
        .map(BlazeValue::integer);
  }

  static Arbitrary<Long> doubleBits() {
    return Arbitraries.oneOf(
        Arbitraries.longs(),
        Arbitraries.doubles().map(Double::doubleToRawLongBits),
        Arbitraries.of(
            Double.doubleToRawLongBits(-0.0),
            0L,
            0x7ff8000000000000L, // canonical NaN
            0x7ff8000000000001L, // quiet NaN with payload
            0x7ff0000000000001L, // signalling NaN
            0xfff8000000000000L, // negative NaN
            Double.doubleToRawLongBits(Double.POSITIVE_INFINITY),
            Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY),
            Double.doubleToRawLongBits(Double.MIN_VALUE)));
  }

  static Arbitrary<UUID> uuids() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
  }

  static Arbitrary<BlazeValue> vectors() {
    return Arbitraries.oneOf(
            Arbitraries.integers(), Arbitraries.of(0x80000000, 0x7fc00001, 0xff800001, 0))
        .list()
        .ofMaxSize(8)
        .map(
            bits -> {
              float[] values = new float[bits.size()];
              for (int i = 0; i < values.length; i++) {
                values[i] = Float.intBitsToFloat(bits.get(i));
              }
              return BlazeValue.vector(values);
            });
  }

  static Arbitrary<BlazeValue> scalars() {
    return Arbitraries.frequencyOf(
        Tuple.of(5, strings().map(BlazeValue::string)),
        Tuple.of(4, integers()),
        Tuple.of(2, doubleBits().map(BlazeValue::numberFromBits)),
        Tuple.of(1, Arbitraries.of(true, false).map(BlazeValue::bool)),
        Tuple.of(1, uuids().map(BlazeValue::uuid)),
        Tuple.of(1, doubleBits().map(BlazeValue::dateFromBits)),
        Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(BlazeValue::data)),
        Tuple.of(1, vectors()),
        Tuple.of(1, Arbitraries.just(BlazeValue.nullValue())));
  }

  /** Values with arrays and dictionaries nested up to {@code depth} deep. */
  static Arbitrary<BlazeValue> values(int depth) {
    if (depth == 0) {
      return scalars();
    }
    Arbitrary<BlazeValue> inner = Arbitraries.lazy(() -> values(depth - 1));
    return Arbitraries.frequencyOf(
        Tuple.of(8, scalars()),
        Tuple.of(1, inner.list().ofMaxSize(5).map(BlazeValue::array)),
        Tuple.of(1, entries(names(), inner, 5).map(BlazeValue.DictionaryValue::new)));
  }

  /**
   * Records of up to {@code maxSize} entries; names that are one key in Swift (canonically
   * equivalent) are dropped after the first.
   */
  static Arbitrary<BlazeRecord> entries(
      Arbitrary<String> names, Arbitrary<BlazeValue> values, int maxSize) {
    return Combinators.combine(names, values)
        .as(Tuple::of)
        .list()
        .ofMaxSize(maxSize)
        .map(
            pairs -> {
              BlazeRecord.Builder builder = BlazeRecord.builder();
              Set<String> keys = new HashSet<>();
              for (Tuple.Tuple2<String, BlazeValue> pair : pairs) {
                if (keys.add(KeyOrder.normalize(pair.get1()))) {
                  builder.put(pair.get1(), pair.get2());
                }
              }
              return builder.build();
            });
  }

  static Arbitrary<BlazeRecord> records() {
    return entries(names(), values(3), 12);
  }

  /** An array or dictionary chain exactly {@code depth} deep around a scalar. */
  static Arbitrary<BlazeValue> nested(int depth) {
    return Combinators.combine(Arbitraries.of(true, false).list().ofSize(depth), scalars(), names())
        .as(
            (kinds, leaf, key) -> {
              BlazeValue value = leaf;
              for (boolean array : kinds) {
                value =
                    array
                        ? BlazeValue.array(List.of(value))
                        : new BlazeValue.DictionaryValue(
                            BlazeRecord.builder().put(key, value).build());
              }
              return value;
            });
  }

  static Arbitrary<BlazeOperation> operations() {
    Arbitrary<String> collections =
        unicodeStrings(60)
            .filter(s -> Utf8.encodedLength(s) <= BlazeOperationCodec.MAX_COLLECTION_BYTES);
    Arbitrary<List<UUID>> dependencies =
        Arbitraries.frequencyOf(
            Tuple.of(5, uuids().list().ofMaxSize(4)), Tuple.of(1, uuids().list().ofSize(255)));
    Arbitrary<byte[]> nonces = Arbitraries.bytes().array(byte[].class).ofSize(16);
    Arbitrary<byte[]> signatures =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just((byte[]) null)),
            Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofSize(32)));
    Arbitrary<BlazeRecord> changes = entries(names(), values(2), 6);
    return Combinators.combine(
            Combinators.combine(uuids(), Arbitraries.longs(), uuids(), uuids()).as(Tuple::of),
            Combinators.combine(Arbitraries.of(OperationType.class), collections, uuids(), changes)
                .as(Tuple::of),
            Combinators.combine(
                    Arbitraries.of(FormatVersion.class),
                    dependencies,
                    Arbitraries.of(OperationRole.class))
                .as(Tuple::of),
            Combinators.combine(nonces, doubleBits(), signatures).as(Tuple::of))
        .as(
            (a, b, c, d) ->
                new BlazeOperation(
                    a.get1(), a.get2(), a.get3(), a.get4(), b.get1(), b.get2(), b.get3(), b.get4(),
                    c.get1(), c.get2(), c.get3(), d.get1(), d.get2(), d.get3()));
  }
}

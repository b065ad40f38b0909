package dev.blazebench.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blazebench.binary.TypedFixtures.AllKinds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The typed binding against the schemaless model on random instances of every kind: the same bytes
 * as the equivalent {@link BlazeRecord}, round trips, fields in any order with unknown and missing
 * ones, and truncated or corrupted input, which must fail with a {@link BlazeBinaryException} or
 * decode to exactly what {@link BlazeBinaryDecoder} reads.
 */
class TypedMapperPropertyTest {

  private static final BlazeBinaryMapper<AllKinds> MAPPER = BlazeBinaryMapper.of(AllKinds.class);
  private static final BlazeBinaryDecoder DECODER = BlazeBinaryDecoder.withDefaults();

  /** Year 1 to 9999: every date there has an {@code Instant} with its bits. */
  private static final long MIN_EPOCH_SECOND = -62_135_596_800L;

  private static final long MAX_EPOCH_SECOND = 253_402_300_799L;

  @Provide
  Arbitrary<AllKinds> instances() {
    Arbitrary<String> strings = BlazeArbitraries.strings();
    Arbitrary<Instant> instants =
        Arbitraries.oneOf(
            Arbitraries.longs()
                .between(MIN_EPOCH_SECOND * 1000, MAX_EPOCH_SECOND * 1000)
                .map(Instant::ofEpochMilli),
            Arbitraries.longs()
                .between(1_600_000_000_000L, 1_800_000_000_000L)
                .map(Instant::ofEpochMilli),
            Combinators.combine(
                    Arbitraries.longs().between(MIN_EPOCH_SECOND, MAX_EPOCH_SECOND),
                    Arbitraries.integers().between(0, 999_999_999))
                .as(Instant::ofEpochSecond));
    Arbitrary<float[]> floats =
        Arbitraries.integers()
            .list()
            .ofMaxSize(6)
            .map(
                bits -> {
                  float[] values = new float[bits.size()];
                  for (int i = 0; i < values.length; i++) {
                    values[i] = Float.intBitsToFloat(bits.get(i));
                  }
                  return values;
                });
    Arbitrary<Object[]> first =
        Combinators.combine(
                strings.injectNull(0.1),
                Arbitraries.integers(),
                Arbitraries.longs(),
                Arbitraries.integers().injectNull(0.2),
                Arbitraries.longs().injectNull(0.2),
                BlazeArbitraries.doubleBits().map(Double::longBitsToDouble),
                BlazeArbitraries.doubleBits().map(Double::longBitsToDouble).injectNull(0.2),
                Arbitraries.of(true, false))
            .as((a, b, c, d, e, f, g, h) -> new Object[] {a, b, c, d, e, f, g, h});
    Arbitrary<Object[]> second =
        Combinators.combine(
                Arbitraries.of(true, false).injectNull(0.3),
                BlazeArbitraries.uuids().injectNull(0.1),
                instants.injectNull(0.1),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40).injectNull(0.2),
                floats.injectNull(0.3),
                strings.list().ofMaxSize(4).injectNull(0.2),
                BlazeArbitraries.values(2).injectNull(0.3),
                strings.injectNull(0.3))
            .as((a, b, c, d, e, f, g, h) -> new Object[] {a, b, c, d, e, f, g, h});
    return Combinators.combine(first, second).as(TypedMapperPropertyTest::allKinds);
  }

  @SuppressWarnings("unchecked")
  private static AllKinds allKinds(Object[] a, Object[] b) {
    return new AllKinds(
        (String) a[0],
        (Integer) a[1],
        (Long) a[2],
        (Integer) a[3],
        (Long) a[4],
        (Double) a[5],
        (Double) a[6],
        (Boolean) a[7],
        (Boolean) b[0],
        (UUID) b[1],
        (Instant) b[2],
        (byte[]) b[3],
        (float[]) b[4],
        (List<String>) b[5],
        (BlazeValue) b[6],
        (String) b[7]);
  }

  /** The record an instance stands for, built by hand (not by the mapper under test). */
  static BlazeRecord expectedRecord(AllKinds x) {
    BlazeRecord.Builder b = BlazeRecord.builder();
    putIfPresent(b, "text", x.text() == null ? null : BlazeValue.string(x.text()));
    b.put("small", BlazeValue.integer(x.small()));
    b.put("big", BlazeValue.integer(x.big()));
    putIfPresent(b, "boxed", x.boxed() == null ? null : BlazeValue.integer(x.boxed()));
    putIfPresent(b, "boxedLong", x.boxedLong() == null ? null : BlazeValue.integer(x.boxedLong()));
    b.put("ratio", BlazeValue.number(x.ratio()));
    putIfPresent(
        b, "boxedRatio", x.boxedRatio() == null ? null : BlazeValue.number(x.boxedRatio()));
    b.put("flag", BlazeValue.bool(x.flag()));
    putIfPresent(b, "isActive", x.isActive() == null ? null : BlazeValue.bool(x.isActive()));
    putIfPresent(b, "id", x.id() == null ? null : BlazeValue.uuid(x.id()));
    putIfPresent(b, "createdAt", x.createdAt() == null ? null : BlazeValue.date(x.createdAt()));
    putIfPresent(b, "blob", x.blob() == null ? null : BlazeValue.data(x.blob()));
    putIfPresent(b, "embedding", x.embedding() == null ? null : BlazeValue.vector(x.embedding()));
    putIfPresent(
        b,
        "tags",
        x.tags() == null
            ? null
            : BlazeValue.array(x.tags().stream().map(BlazeValue::string).toList()));
    putIfPresent(b, "metadata", x.metadata());
    putIfPresent(b, "café", x.café() == null ? null : BlazeValue.string(x.café()));
    return b.build();
  }

  private static void putIfPresent(BlazeRecord.Builder b, String name, BlazeValue value) {
    if (value != null) {
      b.put(name, value);
    }
  }

  @Property
  void typedBytesAreTheBytesOfTheEquivalentRecord(@ForAll("instances") AllKinds x) {
    BlazeRecord expected = expectedRecord(x);
    assertEquals(expected, MAPPER.toRecord(x));
    for (FormatVersion version : FormatVersion.values()) {
      assertArrayEquals(BlazeBinaryEncoder.encode(expected, version), MAPPER.encode(x, version));
    }
  }

  @Property
  void decodingGivesBackEveryFieldBitForBit(@ForAll("instances") AllKinds x) {
    for (FormatVersion version : FormatVersion.values()) {
      byte[] bytes = MAPPER.encode(x, version);
      AllKinds back = MAPPER.decode(bytes);

      // Compared as records: bit-exact doubles and dates, arrays by content.
      assertEquals(expectedRecord(x), expectedRecord(back));
      assertEquals(x.text(), back.text());
      assertEquals(x.tags(), back.tags());
      if (x.createdAt() != null && x.createdAt().getNano() % 1_000_000 == 0) {
        assertEquals(x.createdAt(), back.createdAt()); // millisecond instants come back exactly
      }
      // The schemaless decoder reads the same bytes as the same record.
      assertEquals(expectedRecord(x), DECODER.decode(bytes));
    }
  }

  @Property
  void sequencesMatchRecordSequences(
      @ForAll("instances") AllKinds x, @ForAll("instances") AllKinds y) {
    List<AllKinds> values = List.of(x, y, x);
    List<BlazeRecord> records = List.of(expectedRecord(x), expectedRecord(y), expectedRecord(x));

    byte[] bytes = MAPPER.encodeSequence(values, FormatVersion.V1);

    assertArrayEquals(BlazeSequences.encodeRecords(records, FormatVersion.V1), bytes);
    List<AllKinds> back = MAPPER.decodeSequence(bytes);
    assertEquals(records, back.stream().map(TypedMapperPropertyTest::expectedRecord).toList());
  }

  @Provide
  Arbitrary<List<BlazeRecord>> unknownFields() {
    Set<String> known = new HashSet<>();
    for (String name : MAPPER.fieldNames()) {
      known.add(KeyOrder.normalize(name));
    }
    return BlazeArbitraries.entries(
            BlazeArbitraries.names().filter(n -> !known.contains(KeyOrder.normalize(n))),
            BlazeArbitraries.values(1),
            3)
        .map(r -> List.of(r));
  }

  @Property
  void fieldsInAnyOrderWithUnknownAndMissingOnesDecodeByName(
      @ForAll("instances") AllKinds x,
      @ForAll("unknownFields") List<BlazeRecord> unknownHolder,
      @ForAll long seed) {
    Random random = new Random(seed);
    BlazeRecord expected = expectedRecord(x);
    BlazeRecord unknown = unknownHolder.get(0);
    List<byte[]> chunks = new ArrayList<>();
    BlazeRecord.Builder kept = BlazeRecord.builder();
    boolean primitiveDropped = false;
    for (int i = 0; i < expected.size(); i++) {
      String name = expected.nameAt(i);
      if (random.nextInt(5) == 0) {
        primitiveDropped |= Set.of("small", "big", "ratio", "flag").contains(name);
        continue;
      }
      kept.put(name, expected.valueAt(i));
      chunks.add(chunk(name, expected.valueAt(i)));
    }
    for (int i = 0; i < unknown.size(); i++) {
      chunks.add(chunk(unknown.nameAt(i), unknown.valueAt(i)));
    }
    Collections.shuffle(chunks, random);
    byte[] bytes = recordOfChunks(chunks);

    if (primitiveDropped) {
      BlazeBinaryException e = assertThrows(BlazeBinaryException.class, () -> MAPPER.decode(bytes));
      assertTrue(e.getMessage().startsWith("missing field '"), e::getMessage);
      assertEquals(0, e.offset());
      return;
    }
    AllKinds decoded = MAPPER.decode(bytes);
    assertEquals(kept.build(), expectedRecord(decoded));
    if (!unknown.isEmpty()) {
      assertThrows(BlazeBinaryException.class, () -> MAPPER.rejectingUnknownFields().decode(bytes));
    }
  }

  @Property(tries = 200)
  void everyPrefixFailsCleanly(@ForAll("instances") AllKinds x) {
    for (FormatVersion version : FormatVersion.values()) {
      byte[] bytes = MAPPER.encode(x, version);
      for (int length = 0; length < bytes.length; length++) {
        int n = length;
        assertThrows(BlazeBinaryException.class, () -> MAPPER.decode(bytes, 0, n));
      }
      byte[] sequence = MAPPER.encodeSequence(List.of(x, x), version);
      for (int length = 0; length < sequence.length; length++) {
        int n = length;
        assertThrows(BlazeBinaryException.class, () -> MAPPER.decodeSequence(sequence, 0, n));
      }
    }
  }

  @Property(tries = 300)
  void corruptedBytesFailCleanlyOrDecodeAsTheSchemalessDecoderReadsThem(
      @ForAll("instances") AllKinds x, @ForAll long seed) {
    Random random = new Random(seed);
    byte[] bytes = MAPPER.encode(x, random.nextBoolean() ? FormatVersion.V1 : FormatVersion.V2);
    for (int round = 0; round < 20; round++) {
      byte[] corrupted = bytes.clone();
      int changes = 1 + random.nextInt(3);
      for (int k = 0; k < changes; k++) {
        corrupted[random.nextInt(corrupted.length)] = (byte) random.nextInt(256);
      }
      assertAgreesWithSchemalessDecoder(corrupted);
    }
  }

  /**
   * Typed decoding succeeds exactly when the schemaless decoder and {@code fromRecord} do, and then
   * gives the same instance; it fails only with a {@link BlazeBinaryException}.
   */
  private static void assertAgreesWithSchemalessDecoder(byte[] bytes) {
    AllKinds typed = null;
    try {
      typed = MAPPER.decode(bytes);
    } catch (BlazeBinaryException expected) {
      // a clean failure; checked against the schemaless path below
    }
    AllKinds viaRecord = null;
    try {
      viaRecord = MAPPER.fromRecord(DECODER.decode(bytes));
    } catch (BlazeBinaryException | IllegalArgumentException expected) {
      // rejected by the decoder or by the binding's rules
    }
    assertEquals(viaRecord == null, typed == null, () -> Hex.hex(bytes));
    if (typed != null) {
      assertEquals(expectedRecord(viaRecord), expectedRecord(typed));
    }
  }

  /** The bytes a field is written with: its key, then its value. */
  private static byte[] chunk(String name, BlazeValue value) {
    byte[] one =
        BlazeBinaryEncoder.encode(BlazeRecord.builder().put(name, value).build(), FormatVersion.V1);
    return Arrays.copyOfRange(one, Wire.HEADER_BYTES, one.length);
  }

  /** A v1 record of the given key + value chunks, in the order given. */
  private static byte[] recordOfChunks(List<byte[]> chunks) {
    GrowableBuffer out = new GrowableBuffer(64);
    out.putBytes(Hex.bytes("424c415a4501"));
    out.putShort(chunks.size());
    for (byte[] chunk : chunks) {
      out.putBytes(chunk);
    }
    return out.toByteArray();
  }
}

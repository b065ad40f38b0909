package dev.blazebench.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Random records, operations and sequences survive encode then decode, in v1 and v2. */
class RoundTripPropertyTest {

  private static final BlazeBinaryDecoder DECODER = BlazeBinaryDecoder.withDefaults();

  @Provide
  Arbitrary<BlazeRecord> records() {
    return BlazeArbitraries.records();
  }

  @Provide
  Arbitrary<BlazeOperation> operations() {
    return BlazeArbitraries.operations();
  }

  @Provide
  Arbitrary<List<BlazeRecord>> recordLists() {
    return BlazeArbitraries.records().list().ofMaxSize(5);
  }

  @Provide
  Arbitrary<List<BlazeOperation>> operationLists() {
    return BlazeArbitraries.operations().list().ofMaxSize(3);
  }

  @Provide
  Arbitrary<List<String>> nameLists() {
    return BlazeArbitraries.names().list().ofMinSize(2).ofMaxSize(10);
  }

  @Provide
  Arbitrary<String> unicodeStrings() {
    return BlazeArbitraries.unicodeStrings(12);
  }

  private static void assertRecordRoundTrips(BlazeRecord record) {
    for (FormatVersion version : FormatVersion.values()) {
      byte[] bytes = BlazeBinaryEncoder.encode(record, version);
      BlazeRecord decoded = DECODER.decode(bytes);
      assertEquals(record, decoded);
      // Canonical bytes: decoding and re-encoding gives the same bytes.
      assertArrayEquals(bytes, BlazeBinaryEncoder.encode(decoded, version));
      assertEquals(version, DECODER.versionOf(bytes, 0, bytes.length));
      ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
      assertEquals(record, DECODER.decode(direct));
      GrowableBuffer out = new GrowableBuffer(1);
      out.putByte(0x42);
      BlazeBinaryEncoder.encode(record, version, out);
      assertArrayEquals(bytes, Arrays.copyOfRange(out.array(), 1, out.size()));
      assertEquals(record, DECODER.decode(out.array(), 1, out.size() - 1));
    }
  }

  @Property(tries = 1000)
  void recordsRoundTrip(@ForAll("records") BlazeRecord record) {
    assertRecordRoundTrips(record);
  }

  @Property(tries = 200)
  void nestingUpToTheLimitRoundTrips(@ForAll @IntRange(min = 1, max = 64) int depth) {
    BlazeValue value = BlazeArbitraries.nested(depth).sample();
    assertRecordRoundTrips(BlazeRecord.builder().put("deep", value).build());
  }

  @Property(tries = 50)
  void nestingPastTheLimitIsRefusedByEncoderAndDecoder(
      @ForAll @IntRange(min = 65, max = 90) int depth) {
    BlazeRecord record =
        BlazeRecord.builder().put("deep", BlazeArbitraries.nested(depth).sample()).build();
    assertThrows(
        BlazeEncodingException.class, () -> BlazeBinaryEncoder.encode(record, FormatVersion.V1));
    GrowableBuffer out = new GrowableBuffer(64);
    BlazeBinaryEncoder.encode(record, FormatVersion.V1, out, 90);
    byte[] bytes = out.toByteArray();
    BlazeBinaryException e = assertThrows(BlazeBinaryException.class, () -> DECODER.decode(bytes));
    assertTrue(e.getMessage().contains("deeper than the limit of 64"), e::getMessage);
    assertEquals(
        record,
        BlazeBinaryDecoder.withLimits(DecodeLimits.defaults().withMaxDepth(90)).decode(bytes));
  }

  @Property(tries = 300)
  void operationsRoundTrip(@ForAll("operations") BlazeOperation op) {
    byte[] bytes = BlazeOperationCodec.encode(op);
    BlazeOperation decoded = BlazeOperationCodec.decode(bytes);
    assertEquals(op, decoded);
    assertArrayEquals(bytes, BlazeOperationCodec.encode(decoded));
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    assertEquals(op, BlazeOperationCodec.decode(direct, DECODER));
  }

  @Property(tries = 200)
  void recordSequencesRoundTrip(@ForAll("recordLists") List<BlazeRecord> records) {
    for (FormatVersion version : FormatVersion.values()) {
      byte[] bytes = BlazeSequences.encodeRecords(records, version);
      assertEquals(records, BlazeSequences.decodeRecords(bytes));
      ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
      assertEquals(records, BlazeSequences.decodeRecords(direct));
    }
  }

  @Property(tries = 100)
  void operationSequencesRoundTrip(@ForAll("operationLists") List<BlazeOperation> ops) {
    byte[] bytes = BlazeSequences.encodeOperations(ops);
    assertEquals(ops, BlazeSequences.decodeOperations(bytes));
  }

  // ---- key order ----

  /** Swift's order, spelled out slowly: NFC, then compare code point arrays. */
  private static final Comparator<String> SWIFT_ORDER =
      Comparator.comparing(
          (String s) -> Normalizer.normalize(s, Normalizer.Form.NFC).codePoints().toArray(),
          Arrays::compare);

  @Property(tries = 1000)
  void keyOrderIsNfcThenCodePoints(
      @ForAll("unicodeStrings") String a, @ForAll("unicodeStrings") String b) {
    assertEquals(
        Integer.signum(SWIFT_ORDER.compare(a, b)), Integer.signum(KeyOrder.INSTANCE.compare(a, b)));
  }

  @Property(tries = 500)
  void fieldsAreWrittenInSwiftOrder(@ForAll("nameLists") List<String> names) {
    BlazeRecord.Builder builder = BlazeRecord.builder();
    List<String> kept = new ArrayList<>();
    for (String name : names) {
      if (kept.stream().noneMatch(k -> KeyOrder.sameKey(k, name))) {
        kept.add(name);
        builder.put(name, BlazeValue.nullValue());
      }
    }
    kept.sort(SWIFT_ORDER);
    BlazeRecord decoded =
        DECODER.decode(BlazeBinaryEncoder.encode(builder.build(), FormatVersion.V1));
    assertEquals(kept, List.copyOf(decoded.fields().keySet()));
  }
}

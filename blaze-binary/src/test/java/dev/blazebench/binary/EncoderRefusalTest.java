package dev.blazebench.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What the format cannot hold is refused with a {@link BlazeEncodingException}, and the output
 * buffer keeps exactly the bytes it had: one test per refusal.
 */
class EncoderRefusalTest {

  private static final byte[] PREFIX = {1, 2, 3, 4, 5};

  /**
   * Runs {@code write} on a buffer holding {@link #PREFIX}; expects a refusal naming {@code what}.
   */
  private static void assertRefusedLeavingBufferUnchanged(
      Consumer<GrowableBuffer> write, String... messageFragments) {
    GrowableBuffer out = new GrowableBuffer(8); // small, so that a refused write also grows it
    out.putBytes(PREFIX);
    BlazeEncodingException e = assertThrows(BlazeEncodingException.class, () -> write.accept(out));
    for (String fragment : messageFragments) {
      assertTrue(e.getMessage().contains(fragment), () -> e.getMessage() + " lacks " + fragment);
    }
    assertEquals(PREFIX.length, out.size());
    assertArrayEquals(PREFIX, out.toByteArray());
  }

  private static void assertRecordRefused(BlazeRecord record, String... messageFragments) {
    for (FormatVersion version : FormatVersion.values()) {
      assertRefusedLeavingBufferUnchanged(
          out -> BlazeBinaryEncoder.encode(record, version, out), messageFragments);
      assertRefusedLeavingBufferUnchanged(
          out -> BlazeSequences.encodeRecords(List.of(BlazeRecord.empty(), record), version, out),
          messageFragments);
      assertThrows(BlazeEncodingException.class, () -> BlazeBinaryEncoder.encode(record, version));
    }
  }

  private static BlazeRecord field(String name, BlazeValue value) {
    return BlazeRecord.builder()
        .put("first", BlazeValue.string("written before the refusal"))
        .put(name, value)
        .build();
  }

  /** Names "k00000", "k00001", ... in key order, without the builder's quadratic put. */
  private static BlazeRecord manyFields(int count) {
    String[] names = new String[count];
    BlazeValue[] values = new BlazeValue[count];
    for (int i = 0; i < count; i++) {
      names[i] = String.format("k%05d", i);
      values[i] = BlazeValue.nullValue();
    }
    return BlazeRecord.ofSortedUnchecked(names, values);
  }

  private static BlazeValue nestedArrays(int depth) {
    BlazeValue value = BlazeValue.integer(7);
    for (int i = 0; i < depth; i++) {
      value = BlazeValue.array(List.of(value));
    }
    return value;
  }

  private static BlazeValue nestedDictionaries(int depth) {
    BlazeValue value = BlazeValue.string("leaf");
    for (int i = 0; i < depth; i++) {
      value = new BlazeValue.DictionaryValue(BlazeRecord.builder().put("d", value).build());
    }
    return value;
  }

  @Test
  void refusesFieldNameOver65535Utf8Bytes() {
    assertRecordRefused(field("n".repeat(65_536), BlazeValue.nullValue()), "field name", "65536");
  }

  @Test
  void refusesFieldNameOver65535Utf8BytesThoughUnder65535Chars() {
    // 21,846 chars of 3 UTF-8 bytes each: 65,538 bytes.
    assertRecordRefused(field("€".repeat(21_846), BlazeValue.nullValue()), "field name", "65538");
  }

  @Test
  void acceptsFieldNameOfExactly65535Bytes() {
    BlazeRecord record = field("n".repeat(65_535), BlazeValue.nullValue());
    assertEquals(
        record,
        BlazeBinaryDecoder.withDefaults()
            .decode(BlazeBinaryEncoder.encode(record, FormatVersion.V1)));
  }

  @Test
  void refusesDictionaryKeyOver65535Utf8Bytes() {
    BlazeValue dictionary =
        BlazeValue.dictionary(java.util.Map.of("é".repeat(32_768), BlazeValue.nullValue()));
    assertRecordRefused(field("meta", dictionary), "dictionary key", "65536");
  }

  @Test
  void refusesMoreThan65535Fields() {
    assertRecordRefused(manyFields(65_536), "65536 fields");
  }

  @Test
  void refusesArrayOfMoreThan65535Items() {
    BlazeValue array = BlazeValue.array(Collections.nCopies(65_536, BlazeValue.nullValue()));
    assertRecordRefused(field("list", array), "array has 65536 items");
  }

  @Test
  void refusesDictionaryOfMoreThan65535Entries() {
    BlazeValue dictionary = new BlazeValue.DictionaryValue(manyFields(65_536));
    assertRecordRefused(field("meta", dictionary), "dictionary has 65536 entries");
  }

  @Test
  void refusesArraysNestedDeeperThanTheLimit() {
    assertRecordRefused(field("deep", nestedArrays(65)), "deeper than the limit of 64");
  }

  @Test
  void refusesDictionariesNestedDeeperThanTheLimit() {
    assertRecordRefused(field("deep", nestedDictionaries(65)), "deeper than the limit of 64");
  }

  @Test
  void refusesEmptyContainerJustPastTheLimit() {
    // An empty array (tag 0x18) inside 64 arrays sits at depth 65.
    BlazeValue value = BlazeValue.array(List.of());
    for (int i = 0; i < 64; i++) {
      value = BlazeValue.array(List.of(value));
    }
    assertRecordRefused(field("deep", value), "deeper than the limit of 64");
  }

  @Test
  void acceptsNestingExactlyAtTheLimit() {
    BlazeRecord record = field("deep", nestedArrays(64));
    assertEquals(
        record,
        BlazeBinaryDecoder.withDefaults()
            .decode(BlazeBinaryEncoder.encode(record, FormatVersion.V2)));
  }

  @Test
  void refusesNestingDeeperThanACustomLimit() {
    BlazeRecord record = field("deep", nestedArrays(3));
    assertRefusedLeavingBufferUnchanged(
        out -> BlazeBinaryEncoder.encode(record, FormatVersion.V1, out, 2), "limit of 2");
    GrowableBuffer out = new GrowableBuffer(0);
    BlazeBinaryEncoder.encode(record, FormatVersion.V1, out, 3);
    assertTrue(out.size() > 0);
  }

  @Test
  void refusesUnpairedSurrogateInStringValue() {
    assertRecordRefused(field("s", BlazeValue.string("ok\uD800")), "unpaired surrogate", "D800");
    assertRecordRefused(field("s", BlazeValue.string("\uDC00ok")), "unpaired surrogate", "DC00");
    assertRecordRefused(
        field("s", BlazeValue.string("a long string \uD83D then more text")), "unpaired");
    assertRecordRefused(
        field("s", BlazeValue.string("x".repeat(70_000) + "\uDFFF")), "unpaired surrogate");
  }

  @Test
  void refusesUnpairedSurrogateInFieldName() {
    assertRecordRefused(field("bad\uD800name", BlazeValue.nullValue()), "field name", "unpaired");
  }

  @Test
  void refusesUnpairedSurrogateInDictionaryKey() {
    BlazeValue dictionary =
        BlazeValue.dictionary(java.util.Map.of("\uDBFF", BlazeValue.nullValue()));
    assertRecordRefused(field("meta", dictionary), "dictionary key", "unpaired");
  }

  @Test
  void refusesUnpairedSurrogateNestedInArray() {
    BlazeValue array =
        BlazeValue.array(List.of(BlazeValue.string("fine"), BlazeValue.string("\uD800")));
    assertRecordRefused(field("tags", array), "field 'tags'", "unpaired");
  }

  // ---- operations ----

  private static BlazeOperation operation(
      String collection, int dependencies, byte[] nonce, byte[] signature, BlazeRecord changes) {
    List<UUID> deps = new ArrayList<>();
    for (int i = 0; i < dependencies; i++) {
      deps.add(new UUID(i, i));
    }
    return new BlazeOperation(
        new UUID(1, 2),
        42,
        new UUID(3, 4),
        new UUID(5, 6),
        OperationType.UPDATE,
        collection,
        new UUID(7, 8),
        changes,
        FormatVersion.V1,
        deps,
        OperationRole.CLIENT,
        nonce,
        Double.doubleToRawLongBits(1.7e9),
        signature);
  }

  private static BlazeOperation validOperation() {
    return operation("bugs", 2, new byte[16], new byte[32], BlazeRecord.empty());
  }

  private static void assertOperationRefused(BlazeOperation op, String... messageFragments) {
    assertRefusedLeavingBufferUnchanged(
        out -> BlazeOperationCodec.encode(op, out), messageFragments);
    assertRefusedLeavingBufferUnchanged(
        out -> BlazeSequences.encodeOperations(List.of(validOperation(), op), out),
        messageFragments);
  }

  @Test
  void refusesCollectionNameOver255Utf8Bytes() {
    assertOperationRefused(
        operation("c".repeat(256), 0, new byte[16], null, BlazeRecord.empty()),
        "collection name",
        "256");
    assertOperationRefused(
        operation("é".repeat(128), 0, new byte[16], null, BlazeRecord.empty()),
        "collection name",
        "256");
  }

  @Test
  void refusesUnpairedSurrogateInCollectionName() {
    assertOperationRefused(
        operation("bugs\uD800", 0, new byte[16], null, BlazeRecord.empty()), "unpaired");
  }

  @Test
  void refusesMoreThan255Dependencies() {
    assertOperationRefused(
        operation("bugs", 256, new byte[16], null, BlazeRecord.empty()), "256 dependencies");
  }

  @Test
  void refusesNonceThatIsNot16Bytes() {
    assertOperationRefused(
        operation("bugs", 0, new byte[15], null, BlazeRecord.empty()), "nonce", "15 bytes");
    assertOperationRefused(
        operation("bugs", 0, new byte[17], null, BlazeRecord.empty()), "nonce", "17 bytes");
  }

  @Test
  void refusesSignatureThatIsNot32Bytes() {
    assertOperationRefused(
        operation("bugs", 0, new byte[16], new byte[31], BlazeRecord.empty()),
        "signature",
        "31 bytes");
    assertOperationRefused(
        operation("bugs", 0, new byte[16], new byte[0], BlazeRecord.empty()),
        "signature",
        "0 bytes");
  }

  @Test
  void refusesChangesTheRecordEncoderRefuses() {
    assertOperationRefused(
        operation("bugs", 0, new byte[16], null, field("deep", nestedArrays(65))),
        "deeper than the limit");
  }

  @Test
  void acceptsOperationAtEveryLimit() {
    BlazeOperation op = operation("c".repeat(255), 255, new byte[16], new byte[32], manyFields(3));
    assertEquals(op, BlazeOperationCodec.decode(BlazeOperationCodec.encode(op)));
  }
}

package dev.blazebench.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Sequence framing: u32 count, then u32 length and bytes per item. */
class BlazeSequencesTest {

  private static final BlazeRecord PRIORITY_1 =
      BlazeRecord.builder().put("priority", BlazeValue.integer(1)).build();

  @Test
  void encodesCountThenLengthPrefixedRecords() {
    byte[] bytes =
        BlazeSequences.encodeRecords(List.of(BlazeRecord.empty(), PRIORITY_1), FormatVersion.V1);
    assertEquals(
        "00000002" + "00000008" + "424c415a45010000" + "0000000b" + "424c415a45010001091201",
        Hex.hex(bytes));
    assertEquals(List.of(BlazeRecord.empty(), PRIORITY_1), BlazeSequences.decodeRecords(bytes));
  }

  @Test
  void encodesV2Records() {
    byte[] bytes = BlazeSequences.encodeRecords(List.of(PRIORITY_1), FormatVersion.V2);
    assertEquals("00000001" + "0000000f" + "424c415a450200010912018f4fe9dc", Hex.hex(bytes));
  }

  @Test
  void emptySequenceIsFourZeroBytes() {
    assertEquals("00000000", Hex.hex(BlazeSequences.encodeRecords(List.of(), FormatVersion.V1)));
    assertEquals(List.of(), BlazeSequences.decodeRecords(Hex.bytes("00000000")));
    assertEquals("00000000", Hex.hex(BlazeSequences.encodeOperations(List.of())));
    assertEquals(List.of(), BlazeSequences.decodeOperations(Hex.bytes("00000000")));
  }

  @Test
  void decodesMixedVersionsAndEveryInputForm() {
    String hex =
        "00000002"
            + "0000000f"
            + "424c415a450200010912018f4fe9dc"
            + "00000008"
            + "424c415a45010000";
    byte[] bytes = Hex.bytes(hex);
    List<BlazeRecord> expected = List.of(PRIORITY_1, BlazeRecord.empty());
    assertEquals(expected, BlazeSequences.decodeRecords(bytes));
    byte[] padded = Hex.bytes("ffff" + hex + "ff");
    assertEquals(expected, BlazeSequences.decodeRecords(padded, 2, bytes.length));
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    assertEquals(expected, BlazeSequences.decodeRecords(direct));
    assertEquals(expected, BlazeSequences.decodeRecords(ByteBuffer.wrap(bytes).asReadOnlyBuffer()));
    assertEquals(expected, BlazeSequences.decodeRecords(ByteBuffer.wrap(padded, 2, bytes.length)));
  }

  @Test
  void decodedListsAreUnmodifiable() {
    List<BlazeRecord> records = BlazeSequences.decodeRecords(Hex.bytes("00000000"));
    assertThrows(UnsupportedOperationException.class, () -> records.add(PRIORITY_1));
  }

  @Test
  void operationsRoundTrip() {
    List<BlazeOperation> ops =
        List.of(
            BlazeOperationCodecTest.operation(FormatVersion.V1, null),
            BlazeOperationCodecTest.operation(FormatVersion.V2, new byte[32]));
    byte[] bytes = BlazeSequences.encodeOperations(ops);
    byte[] first = BlazeOperationCodec.encode(ops.get(0));
    assertEquals(
        "00000002" + String.format("%08x", first.length) + Hex.hex(first),
        Hex.hex(bytes).substring(0, 16 + first.length * 2));
    assertEquals(ops, BlazeSequences.decodeOperations(bytes));
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    assertEquals(ops, BlazeSequences.decodeOperations(direct, BlazeBinaryDecoder.withDefaults()));
    GrowableBuffer out = new GrowableBuffer(0);
    out.putByte(7);
    BlazeSequences.encodeOperations(ops, out);
    assertEquals(ops, BlazeSequences.decodeOperations(out.array(), 1, out.size() - 1));
  }

  private static void assertRejected(
      Function<byte[], ?> decode, String hex, String problem, long offset) {
    BlazeBinaryException e =
        assertThrows(BlazeBinaryException.class, () -> decode.apply(Hex.bytes(hex)));
    assertTrue(e.getMessage().contains(problem), () -> e.getMessage() + " lacks " + problem);
    assertEquals(offset, e.offset(), e::getMessage);
  }

  private static void assertRecordsRejected(String hex, String problem, long offset) {
    assertRejected(BlazeSequences::decodeRecords, hex, problem, offset);
  }

  @Test
  void rejectsTruncatedCount() {
    assertRecordsRejected("000000", "truncated record count", 0);
    assertRejected(BlazeSequences::decodeOperations, "00", "truncated operation count", 0);
  }

  @Test
  void rejectsCountThatCannotFit() {
    assertRecordsRejected(
        "0000ffff" + "00000000", "record count 65535 cannot fit in the 4 remaining bytes", 0);
    assertRecordsRejected("ffffffff", "record count 4294967295 exceeds the limit of 999999", 0);
    BlazeBinaryDecoder unlimited =
        BlazeBinaryDecoder.withLimits(DecodeLimits.defaults().withMaxCount(Integer.MAX_VALUE));
    assertRejected(
        bytes -> BlazeSequences.decodeRecords(bytes, 0, bytes.length, unlimited),
        "7fffffff" + "00000000",
        "record count 2147483647 cannot fit in the 4 remaining bytes",
        0);
    assertRejected(
        bytes -> BlazeSequences.decodeOperations(bytes, 0, bytes.length, unlimited),
        "ffffffff",
        "operation count 4294967295 exceeds the limit of 2147483647",
        0);
  }

  @Test
  void rejectsItemLengthPastTheEnd() {
    assertRecordsRejected("00000001" + "00000010" + "424c415a45010000", "truncated record", 8);
  }

  @Test
  void rejectsMissingItems() {
    assertRecordsRejected(
        "00000002" + "00000008" + "424c415a45010000", "truncated record length", 16);
  }

  @Test
  void rejectsTrailingBytesAfterTheLastItem() {
    assertRecordsRejected(
        "00000001" + "00000008" + "424c415a45010000" + "00", "trailing bytes: 1 bytes", 16);
  }

  @Test
  void rejectsItemWithBytesAfterItsRecord() {
    assertRecordsRejected(
        "00000001" + "00000009" + "424c415a45010000" + "00", "trailing bytes", 16);
    byte[] op =
        BlazeOperationCodec.encode(BlazeOperationCodecTest.operation(FormatVersion.V1, null));
    assertRejected(
        BlazeSequences::decodeOperations,
        "00000001" + String.format("%08x", op.length + 1) + Hex.hex(op) + "00",
        "trailing bytes: 1 bytes after the operation",
        8 + op.length);
  }

  @Test
  void reportsRecordErrorsAtOffsetsInTheSequence() {
    assertRecordsRejected("00000001" + "00000008" + "424c415a46010000", "bad magic", 12);
    assertRecordsRejected("00000001" + "00000007" + "424c415a450100", "short header", 8);
    assertRecordsRejected(
        "00000001" + "0000000c" + "424c415a4502000094d87737", "CRC-32 mismatch", 16);
  }

  @Test
  void rejectsOperationShorterThanItsItemLength() {
    byte[] op =
        BlazeOperationCodec.encode(BlazeOperationCodecTest.operation(FormatVersion.V1, null));
    String hex = Hex.hex(op);
    // The item says one byte less: the signature flag falls outside the item.
    assertRejected(
        BlazeSequences::decodeOperations,
        "00000001" + String.format("%08x", op.length - 1) + hex.substring(0, hex.length() - 2),
        "truncated signature flag",
        8 + op.length - 1);
  }
}

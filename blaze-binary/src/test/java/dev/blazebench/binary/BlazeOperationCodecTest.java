package dev.blazebench.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The operation layout byte for byte, Lamport order, and one test per operation rejection. */
class BlazeOperationCodecTest {

  static final UUID ID = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
  static final UUID LAMPORT_NODE = UUID.fromString("10000000-0000-0000-0000-000000000001");
  static final UUID NODE = UUID.fromString("20000000-0000-0000-0000-000000000002");
  static final UUID RECORD = UUID.fromString("30000000-0000-0000-0000-000000000003");
  static final UUID DEPENDENCY = UUID.fromString("40000000-0000-0000-0000-000000000004");

  static byte[] nonce() {
    byte[] nonce = new byte[16];
    for (int i = 0; i < 16; i++) {
      nonce[i] = (byte) (0xA0 + i);
    }
    return nonce;
  }

  static BlazeOperation operation(FormatVersion changesVersion, byte[] signature) {
    return new BlazeOperation(
        ID,
        0x0102030405060708L,
        LAMPORT_NODE,
        NODE,
        OperationType.UPDATE,
        "bugs",
        RECORD,
        BlazeRecord.builder().put("priority", BlazeValue.integer(1)).build(),
        changesVersion,
        List.of(DEPENDENCY),
        OperationRole.SERVER,
        nonce(),
        Double.doubleToRawLongBits(1_700_000_000.5),
        signature);
  }

  /** The expected bytes of {@link #operation}, field by field as BlazeDB lays them out. */
  static String expectedHex(String changesHex, String signatureHex) {
    return "00112233445566778899aabbccddeeff" // id
        + "0102030405060708" // Lamport counter
        + "10000000000000000000000000000001" // Lamport node id
        + "20000000000000000000000000000002" // node id
        + "02" // update
        + "04"
        + "62756773" // "bugs"
        + "30000000000000000000000000000003" // record id
        + String.format("%08x", changesHex.length() / 2)
        + changesHex
        + "01"
        + "40000000000000000000000000000004" // one dependency
        + "01" // server
        + "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf" // nonce
        + String.format("%016x", Double.doubleToRawLongBits(1_700_000_000.5)) // since 1970
        + signatureHex;
  }

  @Test
  void encodesBlazeDbLayoutWithoutSignature() {
    BlazeOperation op = operation(FormatVersion.V1, null);
    String expected = expectedHex("424c415a45010001091201", "00");
    assertEquals(expected, Hex.hex(BlazeOperationCodec.encode(op)));
    assertEquals(op, BlazeOperationCodec.decode(Hex.bytes(expected)));
  }

  @Test
  void encodesBlazeDbLayoutWithSignatureAndV2Changes() {
    byte[] signature = new byte[32];
    signature[0] = 0x55;
    signature[31] = 0x66;
    BlazeOperation op = operation(FormatVersion.V2, signature);
    String expected = expectedHex("424c415a450200010912018f4fe9dc", "01" + Hex.hex(signature));
    assertEquals(expected, Hex.hex(BlazeOperationCodec.encode(op)));
    BlazeOperation decoded = BlazeOperationCodec.decode(Hex.bytes(expected));
    assertEquals(op, decoded);
    assertEquals(FormatVersion.V2, decoded.changesVersion());
    assertArrayEquals(signature, decoded.signature());
  }

  @Test
  void decodesFromAnOffsetAndFromBuffers() {
    byte[] bytes = BlazeOperationCodec.encode(operation(FormatVersion.V1, null));
    byte[] padded = new byte[bytes.length + 7];
    System.arraycopy(bytes, 0, padded, 5, bytes.length);
    BlazeOperation op = operation(FormatVersion.V1, null);
    assertEquals(op, BlazeOperationCodec.decode(padded, 5, bytes.length));
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    assertEquals(op, BlazeOperationCodec.decode(direct, BlazeBinaryDecoder.withDefaults()));
    assertEquals(0, direct.position());
  }

  @Test
  void operationsAreImmutableCopies() {
    byte[] nonce = nonce();
    BlazeOperation op =
        new BlazeOperation(
            ID,
            1,
            NODE,
            NODE,
            OperationType.INSERT,
            "c",
            RECORD,
            BlazeRecord.empty(),
            FormatVersion.V1,
            new ArrayList<>(List.of(DEPENDENCY)),
            OperationRole.NONE,
            nonce,
            0,
            null);
    nonce[0] = 0;
    assertEquals((byte) 0xA0, op.nonce()[0]);
    op.nonce()[1] = 0;
    assertEquals((byte) 0xA1, op.nonce()[1]);
    assertNull(op.signature());
    assertThrows(UnsupportedOperationException.class, () -> op.dependencies().add(NODE));
  }

  @Test
  void equalityIsByContent() {
    assertEquals(
        operation(FormatVersion.V1, new byte[32]), operation(FormatVersion.V1, new byte[32]));
    assertEquals(
        operation(FormatVersion.V1, new byte[32]).hashCode(),
        operation(FormatVersion.V1, new byte[32]).hashCode());
    assertNotEquals(operation(FormatVersion.V1, new byte[32]), operation(FormatVersion.V1, null));
    assertNotEquals(operation(FormatVersion.V1, null), operation(FormatVersion.V2, null));
  }

  @Test
  void lamportOrderIsUnsignedCounterThenNodeIdBytes() {
    UUID low = UUID.fromString("00000000-0000-0000-0000-000000000001");
    UUID high = UUID.fromString("f0000000-0000-0000-0000-000000000000"); // negative msb
    UUID highLsb = UUID.fromString("00000000-0000-0000-f000-000000000000"); // negative lsb
    assertTrue(lamport(1, low).compareTo(lamport(2, low)) < 0);
    // Counters are UInt64 in Swift: 2^63 and above are larger, not negative.
    assertTrue(lamport(Long.MIN_VALUE, low).compareTo(lamport(Long.MAX_VALUE, low)) > 0);
    assertTrue(lamport(-1, low).compareTo(lamport(0, high)) > 0);
    // Equal counters: Swift compares uuidString, i.e. the bytes as unsigned, in order.
    assertTrue(lamport(5, low).compareTo(lamport(5, high)) < 0);
    assertTrue(lamport(5, low).compareTo(lamport(5, highLsb)) < 0);
    assertTrue(lamport(5, highLsb).compareTo(lamport(5, high)) < 0);
    assertEquals(0, lamport(5, high).compareTo(lamport(5, high)));
    assertTrue(high.toString().toUpperCase().compareTo(highLsb.toString().toUpperCase()) > 0);
  }

  private static BlazeOperation lamport(long counter, UUID nodeId) {
    return new BlazeOperation(
        ID,
        counter,
        nodeId,
        NODE,
        OperationType.INSERT,
        "c",
        RECORD,
        BlazeRecord.empty(),
        FormatVersion.V1,
        List.of(),
        OperationRole.NONE,
        new byte[16],
        0,
        null);
  }

  // ---- rejections. Offsets: type 56, collection 57, record id 62, changes length 78, changes
  // 82..89, dependency count 90 (one dependency to 106), role 107, nonce 108, expiresAt 124,
  // signature flag 132, end 133. ----

  private static String validHex() {
    return expectedHex("424c415a45010000", "00");
  }

  private static String patched(int offset, String hex) {
    String valid = validHex();
    return valid.substring(0, offset * 2) + hex + valid.substring(offset * 2 + hex.length());
  }

  private static void assertOperationRejected(String hex, String problem, long offset) {
    byte[] input = Hex.bytes(hex);
    BlazeBinaryException e =
        assertThrows(BlazeBinaryException.class, () -> BlazeOperationCodec.decode(input));
    assertTrue(e.getMessage().contains(problem), () -> e.getMessage() + " lacks " + problem);
    assertEquals(offset, e.offset(), e::getMessage);
    ByteBuffer direct = ByteBuffer.allocateDirect(input.length).put(input).flip();
    BlazeBinaryException fromBuffer =
        assertThrows(
            BlazeBinaryException.class,
            () -> BlazeOperationCodec.decode(direct, BlazeBinaryDecoder.withDefaults()));
    assertEquals(e.getMessage(), fromBuffer.getMessage());
  }

  @Test
  void validHexDecodes() {
    assertEquals(133, Hex.bytes(validHex()).length);
    BlazeOperationCodec.decode(Hex.bytes(validHex()));
  }

  @Test
  void rejectsUnknownOperationType() {
    assertOperationRejected(patched(56, "06"), "unknown operation type 0x06", 56);
    assertOperationRejected(patched(56, "00"), "unknown operation type 0x00", 56);
  }

  @Test
  void rejectsInvalidUtf8InCollectionName() {
    assertOperationRejected(patched(58, "62c0"), "invalid UTF-8 in collection name", 59);
  }

  @Test
  void rejectsUnknownRole() {
    assertOperationRejected(patched(107, "03"), "unknown operation role 0x03", 107);
  }

  @Test
  void rejectsUnknownSignatureFlag() {
    assertOperationRejected(patched(132, "02"), "unknown signature flag 0x02", 132);
  }

  @Test
  void rejectsTrailingBytesAfterTheOperation() {
    assertOperationRejected(validHex() + "00", "trailing bytes: 1 bytes after the operation", 133);
  }

  @Test
  void rejectsTruncationAnywhere() {
    String valid = validHex();
    assertOperationRejected(valid.substring(0, 20), "truncated operation id", 0);
    assertOperationRejected(valid.substring(0, 116 * 2), "truncated nonce", 108);
    assertOperationRejected(valid.substring(0, 132 * 2), "truncated signature flag", 132);
    assertOperationRejected(
        patched(132, "01"), "truncated signature: needs 32 bytes, 0 remain", 133);
    for (int length = 0; length < 133; length++) {
      byte[] cut = Hex.bytes(valid.substring(0, length * 2));
      BlazeBinaryException e =
          assertThrows(BlazeBinaryException.class, () -> BlazeOperationCodec.decode(cut));
      assertTrue(e.offset() <= length, e::getMessage);
    }
  }

  @Test
  void rejectsChangesLengthPastTheEnd() {
    assertOperationRejected(patched(78, "0000ffff"), "truncated changes record", 82);
  }

  @Test
  void rejectsChangesRecordWithBytesAfterIt() {
    // Length 9 takes the dependency count byte into the record: trailing bytes at 90.
    assertOperationRejected(patched(78, "00000009"), "trailing bytes", 90);
  }

  @Test
  void reportsChangesErrorsAtOffsetsInTheOperation() {
    assertOperationRejected(patched(82, "58"), "bad magic", 82);
    assertOperationRejected(patched(78, "00000007"), "short header: 7 bytes", 82);
  }

  @Test
  void rejectsDependencyCountThatCannotFit() {
    assertOperationRejected(patched(90, "ff"), "dependency count 255 cannot fit", 90);
  }

  @Test
  void rejectsOperationsWithDefaultLimitsOrGivenOnes() {
    BlazeBinaryDecoder tiny =
        BlazeBinaryDecoder.withLimits(DecodeLimits.defaults().withMaxInputBytes(100));
    byte[] input = Hex.bytes(validHex());
    BlazeBinaryException e =
        assertThrows(
            BlazeBinaryException.class,
            () -> BlazeOperationCodec.decode(input, 0, input.length, tiny));
    assertTrue(e.getMessage().contains("maxInputBytes"));
  }
}

package dev.blazebench.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blazebench.binary.TypedFixtures.BeanBug;
import dev.blazebench.binary.TypedFixtures.Bug;
import dev.blazebench.binary.TypedFixtures.Priority;
import dev.blazebench.binary.TypedFixtures.Unsupported;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The typed binding on hand-picked cases: bytes, field order, and each decode error. */
class BlazeBinaryMapperTest {

  private static final BlazeBinaryMapper<Bug> BUGS = BlazeBinaryMapper.of(Bug.class);
  private static final BlazeBinaryMapper<BeanBug> BEANS = BlazeBinaryMapper.of(BeanBug.class);

  private static final Bug BUG =
      new Bug(
          UUID.fromString("550e8400-e29b-41d4-a716-446655440000"),
          "Fix login bug",
          "Users cannot log in with an e-mail address that has a plus sign in it.",
          3,
          "in_progress",
          Instant.parse("2025-11-14T10:30:00.123Z"),
          "ada.lovelace",
          List.of("auth", "ui"));

  private static BlazeRecord recordOf(Bug bug) {
    BlazeRecord.Builder b =
        BlazeRecord.builder()
            .put("id", BlazeValue.uuid(bug.id()))
            .put("title", BlazeValue.string(bug.title()))
            .put("priority", BlazeValue.integer(bug.priority()))
            .put("status", BlazeValue.string(bug.status()))
            .put("createdAt", BlazeValue.date(bug.createdAt()))
            .put("assignee", BlazeValue.string(bug.assignee()))
            .put("tags", BlazeValue.array(bug.tags().stream().map(BlazeValue::string).toList()));
    if (bug.description() != null) {
      b.put("description", BlazeValue.string(bug.description()));
    }
    return b.build();
  }

  private static BlazeBinaryException assertRejected(
      BlazeBinaryMapper<?> mapper, byte[] bytes, String problem, long offset) {
    BlazeBinaryException e = assertThrows(BlazeBinaryException.class, () -> mapper.decode(bytes));
    assertTrue(
        e.getMessage().contains(problem), () -> "'" + e.getMessage() + "' lacks '" + problem + "'");
    assertEquals(offset, e.offset(), e::getMessage);
    // The buffer reader agrees exactly.
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    BlazeBinaryException fromBuffer =
        assertThrows(BlazeBinaryException.class, () -> mapper.decode(direct));
    assertEquals(e.getMessage(), fromBuffer.getMessage());
    return e;
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

  /** The bytes a field is written with: its key, then its value. */
  private static byte[] chunk(String name, BlazeValue value) {
    byte[] one =
        BlazeBinaryEncoder.encode(BlazeRecord.builder().put(name, value).build(), FormatVersion.V1);
    return Arrays.copyOfRange(one, Wire.HEADER_BYTES, one.length);
  }

  private static List<byte[]> chunksOf(BlazeRecord record) {
    List<byte[]> chunks = new ArrayList<>();
    for (int i = 0; i < record.size(); i++) {
      chunks.add(chunk(record.nameAt(i), record.valueAt(i)));
    }
    return chunks;
  }

  @Test
  void writesTheBytesOfTheEquivalentRecordInBothVersions() {
    for (FormatVersion version : FormatVersion.values()) {
      byte[] expected = BlazeBinaryEncoder.encode(recordOf(BUG), version);

      assertArrayEquals(expected, BUGS.encode(BUG, version), version.name());
      assertEquals(BUG, BUGS.decode(expected));
    }
    assertEquals(
        List.of(
            "assignee", "createdAt", "description", "id", "priority", "status", "tags", "title"),
        BUGS.fieldNames());
  }

  @Test
  void reproducesTheSpecExample() {
    assertEquals(
        "424c415a45010001091201",
        Hex.hex(BlazeBinaryMapper.of(Priority.class).encode(new Priority(1), FormatVersion.V1)));
    assertEquals(
        "424c415a450200010912018f4fe9dc",
        Hex.hex(BlazeBinaryMapper.of(Priority.class).encode(new Priority(1), FormatVersion.V2)));
  }

  @Test
  void aNullReferenceIsNoFieldAndDecodesBackToNull() {
    Bug noDescription =
        new Bug(BUG.id(), BUG.title(), null, 1, "open", BUG.createdAt(), "x", List.of());

    byte[] bytes = BUGS.encode(noDescription, FormatVersion.V1);

    assertArrayEquals(BlazeBinaryEncoder.encode(recordOf(noDescription), FormatVersion.V1), bytes);
    assertEquals(7, bytes[7]);
    assertNull(BUGS.decode(bytes).description());
  }

  @Test
  void beansBindTheirGetterSetterPairsOnly() {
    BeanBug bean = new BeanBug();
    bean.setId(BUG.id());
    bean.setTitle("t");
    bean.setPriority(300);
    bean.setCreatedAt(BUG.createdAt());
    bean.setTags(List.of());

    BeanBug back = BEANS.decode(BEANS.encode(bean, FormatVersion.V2));

    assertEquals(
        List.of("createdAt", "id", "priority", "status", "tags", "title"), BEANS.fieldNames());
    assertEquals(BUG.id(), back.getId());
    assertEquals(300, back.getPriority());
    assertEquals("open", back.getStatus());
    assertEquals(BUG.createdAt(), back.getCreatedAt());
    assertEquals(List.of(), back.getTags());
  }

  @Test
  void aMissingReferenceFieldLeavesTheBeansDefault() {
    BlazeRecord record = BlazeRecord.builder().put("priority", BlazeValue.integer(2)).build();

    BeanBug back = BEANS.decode(BlazeBinaryEncoder.encode(record, FormatVersion.V1));

    assertEquals("open", back.getStatus());
    assertNull(back.getTitle());
    assertEquals(2, back.getPriority());
  }

  @Test
  void fieldsInAnyOrderDecodeToTheSameBug() {
    List<byte[]> chunks = chunksOf(recordOf(BUG));
    List<byte[]> reversed = new ArrayList<>(chunks);
    java.util.Collections.reverse(reversed);

    assertEquals(BUG, BUGS.decode(recordOfChunks(reversed)));
  }

  @Test
  void unknownFieldsAreCheckedAndSkippedOrRejectedWhenAsked() {
    List<byte[]> chunks = chunksOf(recordOf(BUG));
    chunks.add(1, chunk("updatedAt", BlazeValue.date(BUG.createdAt())));
    chunks.add(chunk("zeta", BlazeValue.array(List.of(BlazeValue.integer(-1)))));
    byte[] bytes = recordOfChunks(chunks);

    assertEquals(BUG, BUGS.decode(bytes));
    // "assignee" is 3 + 8 + 1 + 12 bytes from offset 8: the unknown field comes next.
    assertRejected(
        BUGS.rejectingUnknownFields(),
        bytes,
        "unknown field 'updatedAt' (" + Bug.class.getName(),
        32);
  }

  @Test
  void anUnknownFieldWithAMalformedValueIsStillAnError() {
    List<byte[]> chunks = chunksOf(recordOf(BUG));
    chunks.add(Hex.bytes("ff00017a" + "7f")); // "z": unknown tag 0x7F
    byte[] bytes = recordOfChunks(chunks);

    assertRejected(BUGS, bytes, "unknown value tag 0x7F", bytes.length - 1);
  }

  @Test
  void aMissingPrimitiveFieldIsAnErrorAtTheRecord() {
    BlazeRecord noPriority = recordOf(BUG).toBuilder().remove("priority").build();

    assertRejected(
        BUGS,
        BlazeBinaryEncoder.encode(noPriority, FormatVersion.V1),
        "missing field 'priority' (int cannot be absent)",
        0);
  }

  @Test
  void aValueOfAnotherTypeIsAnErrorNamingFieldAndOffset() {
    // {"priority": "high"}: the tag is at offset 9.
    byte[] bytes = Hex.bytes("424c415a4501000109" + "2468696768");

    assertRejected(
        BlazeBinaryMapper.of(Priority.class),
        bytes,
        "field 'priority': expected int, found string (tag 0x24)",
        9);
  }

  @Test
  void aNullForAPrimitiveIsAnError() {
    assertRejected(
        BlazeBinaryMapper.of(Priority.class),
        Hex.bytes("424c415a45010001090b"),
        "field 'priority': null for a int",
        9);
  }

  @Test
  void anIntOutsideJavasIntIsAnError() {
    assertRejected(
        BlazeBinaryMapper.of(Priority.class),
        Hex.bytes("424c415a4501000109020000000100000000"),
        "field 'priority': 4294967296 does not fit in a Java int",
        9);
  }

  @Test
  void aTagOfStringItemsMustBeAString() {
    BlazeRecord record =
        recordOf(BUG).toBuilder()
            .put("tags", BlazeValue.array(List.of(BlazeValue.string("a"), BlazeValue.integer(7))))
            .build();
    byte[] bytes = BlazeBinaryEncoder.encode(record, FormatVersion.V1);
    // The int item is the last 2 bytes before the title (key, tag, 13 bytes).
    int itemAt = bytes.length - (1 + 1 + "Fix login bug".length()) - 2;

    assertRejected(
        BUGS, bytes, "field 'tags' item 1: expected string, found int (tag 0x12)", itemAt);
  }

  @Test
  void aDuplicateFieldIsAnError() {
    List<byte[]> chunks = chunksOf(recordOf(BUG));
    chunks.add(chunk("priority", BlazeValue.integer(1)));
    byte[] bytes = recordOfChunks(chunks);

    assertRejected(BUGS, bytes, "duplicate field name 'priority'", bytes.length - 3);
  }

  @Test
  void aDateNoInstantCanHoldIsAnError() {
    byte[] bytes =
        BlazeBinaryEncoder.encode(
            recordOf(BUG).toBuilder()
                .put("createdAt", BlazeValue.dateFromBits(0x7ff8000000000000L))
                .build(),
            FormatVersion.V1);

    assertRejected(
        BUGS, bytes, "field 'createdAt': date NaN (seconds since 2001) is not an Instant", 33);
  }

  @Test
  void millisecondAndOddInstantsComeBackAsTheShortestInstantWithTheSameBits() {
    BlazeBinaryMapper<TypedFixtures.AllKinds> all =
        BlazeBinaryMapper.of(TypedFixtures.AllKinds.class);
    for (String text :
        List.of(
            "2025-11-14T10:30:00.123Z",
            "2001-01-01T00:00:00Z",
            "1970-01-01T00:00:00.001Z",
            "1600-02-29T23:59:59.999Z",
            "2500-06-01T12:00:00.5Z",
            "9999-12-31T23:59:59Z")) {
      Instant instant = Instant.parse(text);
      BlazeRecord record =
          BlazeRecord.builder()
              .put("small", BlazeValue.integer(0))
              .put("big", BlazeValue.integer(0))
              .put("ratio", BlazeValue.number(0))
              .put("flag", BlazeValue.bool(false))
              .put("createdAt", BlazeValue.date(instant))
              .build();

      assertEquals(
          instant,
          all.decode(BlazeBinaryEncoder.encode(record, FormatVersion.V1)).createdAt(),
          text);
    }
  }

  @Test
  void refusalsLeaveTheBufferUnchanged() {
    GrowableBuffer out = new GrowableBuffer(16);
    out.putByte(0x42);
    Bug surrogate =
        new Bug(BUG.id(), "bad \uD800", null, 1, "open", BUG.createdAt(), "x", List.of());
    List<String> withNull = new ArrayList<>();
    withNull.add(null);
    Bug nullTag = new Bug(BUG.id(), "t", null, 1, "open", BUG.createdAt(), "x", withNull);

    BlazeEncodingException e1 =
        assertThrows(
            BlazeEncodingException.class, () -> BUGS.encode(surrogate, FormatVersion.V1, out));
    BlazeEncodingException e2 =
        assertThrows(
            BlazeEncodingException.class,
            () -> BUGS.encodeSequence(List.of(BUG, nullTag), FormatVersion.V1, out));

    assertTrue(e1.getMessage().contains("field 'title'"), e1::getMessage);
    assertTrue(e2.getMessage().contains("field 'tags': item 0 is null"), e2::getMessage);
    assertEquals(1, out.size());
  }

  @Test
  void sequencesHaveTheBytesOfRecordSequences() {
    Bug other =
        new Bug(UUID.randomUUID(), "Other", null, 5, "closed", Instant.EPOCH, "b", List.of("x"));
    List<Bug> bugs = List.of(BUG, other, BUG);

    byte[] bytes = BUGS.encodeSequence(bugs, FormatVersion.V2);

    assertArrayEquals(
        BlazeSequences.encodeRecords(
            List.of(recordOf(BUG), recordOf(other), recordOf(BUG)), FormatVersion.V2),
        bytes);
    assertEquals(bugs, BUGS.decodeSequence(bytes));
    assertEquals(
        bugs, BUGS.decodeSequence(ByteBuffer.allocateDirect(bytes.length).put(bytes).flip()));
  }

  @Test
  void classesThatCannotBeBoundAreRefusedAtBuildTimeNamingTheField() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BlazeBinaryMapper.of(Unsupported.class));

    assertTrue(e.getMessage().contains("field 'owner'"), e::getMessage);
    assertTrue(e.getMessage().contains("java.lang.Thread"), e::getMessage);
    assertThrows(IllegalArgumentException.class, () -> BlazeBinaryMapper.of(Runnable.class));
  }

  @Test
  void toAndFromRecordBridgeToTheSchemalessModel() {
    assertEquals(recordOf(BUG), BUGS.toRecord(BUG));
    assertEquals(BUG, BUGS.fromRecord(recordOf(BUG)));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                BUGS.fromRecord(
                    recordOf(BUG).toBuilder().put("status", BlazeValue.integer(1)).build()));
    assertTrue(
        e.getMessage().contains("field 'status': expected string, found int"), e::getMessage);
  }
}

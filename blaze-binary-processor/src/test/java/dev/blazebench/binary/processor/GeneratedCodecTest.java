package dev.blazebench.binary.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blazebench.binary.BlazeBinaryEncoder;
import dev.blazebench.binary.BlazeBinaryException;
import dev.blazebench.binary.BlazeBinaryMapper;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.FormatVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The generated codecs (written by the processor when this module's tests were compiled) against
 * the run-time binding of the same classes: the same bytes, the same values, the same errors, for
 * any input.
 */
class GeneratedCodecTest {

  private static final BlazeBinaryMapper<Ticket> GENERATED = BlazeBinaryMapper.of(Ticket.class);
  private static final BlazeBinaryMapper<Ticket> RUN_TIME =
      BlazeBinaryMapper.reflective(Ticket.class);

  @Test
  void ofUsesTheGeneratedCodeAndReflectiveDoesNot() {
    assertTrue(GENERATED.usesGeneratedCode());
    assertFalse(RUN_TIME.usesGeneratedCode());
    assertTrue(BlazeBinaryMapper.of(Fixtures.Event.class).usesGeneratedCode());
    assertTrue(BlazeBinaryMapper.of(Fixtures.Picky.class).usesGeneratedCode());
    assertEquals(RUN_TIME.fieldNames(), GENERATED.fieldNames());
  }

  @Property(tries = 300)
  void sameBytesAndSameValues(@ForAll("tickets") Ticket ticket) {
    for (FormatVersion version : FormatVersion.values()) {
      byte[] bytes = RUN_TIME.encode(ticket, version);
      assertArrayEquals(bytes, GENERATED.encode(ticket, version));
      assertEquals(RUN_TIME.decode(bytes), GENERATED.decode(bytes));
    }
  }

  @Property(tries = 100)
  void aFullTicketComesBackEqual(@ForAll("fullTickets") Ticket ticket) {
    Ticket back = GENERATED.decode(GENERATED.encode(ticket, FormatVersion.V1));
    // Instants come back as the shortest instant with the same bits: compare the rest.
    back.setCreatedAt(ticket.getCreatedAt());
    assertEquals(ticket, back);
  }

  @Property(tries = 50)
  void sameSequences(@ForAll("ticketLists") List<Ticket> tickets) {
    byte[] bytes = RUN_TIME.encodeSequence(tickets, FormatVersion.V1);
    assertArrayEquals(bytes, GENERATED.encodeSequence(tickets, FormatVersion.V1));
    assertEquals(RUN_TIME.decodeSequence(bytes), GENERATED.decodeSequence(bytes));
  }

  /** Any byte changed, or the input cut short: both paths give the same value or the same error. */
  @Property(tries = 2000)
  void sameOutcomeForDamagedInput(
      @ForAll("fullTickets") Ticket ticket,
      @ForAll @IntRange(min = 0, max = 10_000) int where,
      @ForAll byte value,
      @ForAll boolean truncate) {
    byte[] bytes = RUN_TIME.encode(ticket, FormatVersion.V1);
    int at = where % bytes.length;
    byte[] damaged;
    if (truncate) {
      damaged = java.util.Arrays.copyOf(bytes, at);
    } else {
      damaged = bytes.clone();
      damaged[at] = value;
    }
    assertEquals(outcome(RUN_TIME, damaged), outcome(GENERATED, damaged));
  }

  /**
   * Fields out of key order, missing or unknown: the generated code hands over to the general path.
   */
  @Test
  void recordsLaidOutOtherwiseDecodeAlike() {
    BlazeRecord unknownField =
        BlazeRecord.builder()
            .put("title", new BlazeValue.StringValue("t"))
            .put("priority", new BlazeValue.IntValue(3))
            .put("views", new BlazeValue.IntValue(1))
            .put("score", new BlazeValue.DoubleValue(Double.doubleToRawLongBits(0.5)))
            .put("open", new BlazeValue.BoolValue(true))
            .put("zzzNotAField", new BlazeValue.StringValue("x"))
            .build();
    BlazeRecord missingReferences =
        BlazeRecord.builder()
            .put("priority", new BlazeValue.IntValue(3))
            .put("views", new BlazeValue.IntValue(1))
            .put("score", new BlazeValue.DoubleValue(Double.doubleToRawLongBits(0.5)))
            .put("open", new BlazeValue.BoolValue(true))
            .build();
    for (BlazeRecord record : List.of(unknownField, missingReferences)) {
      byte[] bytes = BlazeBinaryEncoder.encode(record, FormatVersion.V1);
      Ticket generated = GENERATED.decode(bytes);
      assertEquals(RUN_TIME.decode(bytes), generated);
      assertEquals("constructor default", generated.getNote()); // a missing field keeps it
    }
    BlazeRecord missingPrimitive =
        BlazeRecord.builder().put("title", new BlazeValue.StringValue("t")).build();
    byte[] bytes = BlazeBinaryEncoder.encode(missingPrimitive, FormatVersion.V1);
    assertEquals(outcome(RUN_TIME, bytes), outcome(GENERATED, bytes));
  }

  @Test
  void anUnpairedSurrogateIsRefusedAlikeAndNothingIsWritten() {
    Ticket ticket = new Ticket();
    ticket.setTitle("ok");
    ticket.setNote("half \ud83d of an emoji");
    dev.blazebench.binary.GrowableBuffer out = new dev.blazebench.binary.GrowableBuffer(64);
    out.putByte(7);
    String generated = refusal(() -> GENERATED.encode(ticket, FormatVersion.V1, out));
    assertEquals(1, out.size()); // rolled back to what was there
    assertEquals(refusal(() -> RUN_TIME.encode(ticket, FormatVersion.V1)), generated);
    assertTrue(generated.contains("'note'"), generated);
  }

  private static String refusal(Runnable encode) {
    return assertThrows(dev.blazebench.binary.BlazeEncodingException.class, encode::run)
        .getMessage();
  }

  @Test
  void aSetterThatThrowsIsReportedAlike() {
    BlazeBinaryMapper<Fixtures.Picky> generated = BlazeBinaryMapper.of(Fixtures.Picky.class);
    byte[] bytes =
        BlazeBinaryEncoder.encode(
            BlazeRecord.builder().put("code", new BlazeValue.StringValue("!bad")).build(),
            FormatVersion.V1);
    BlazeBinaryException e =
        assertThrows(BlazeBinaryException.class, () -> generated.decode(bytes));
    assertTrue(e.getMessage().contains("code must not start with '!'"), e.getMessage());
    assertEquals(
        outcome(BlazeBinaryMapper.reflective(Fixtures.Picky.class), bytes),
        outcome(generated, bytes));
  }

  @Property(tries = 200)
  void recordsToo(@ForAll("events") Fixtures.Event event) {
    BlazeBinaryMapper<Fixtures.Event> generated = BlazeBinaryMapper.of(Fixtures.Event.class);
    BlazeBinaryMapper<Fixtures.Event> runTime = BlazeBinaryMapper.reflective(Fixtures.Event.class);
    byte[] bytes = runTime.encode(event, FormatVersion.V2);
    assertArrayEquals(bytes, generated.encode(event, FormatVersion.V2));
    assertEquals(runTime.decode(bytes), generated.decode(bytes));
  }

  @Test
  void aCodecForOtherFieldsIsRefusedNamingIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> BlazeBinaryMapper.of(Fixtures.Stale.class));
    assertTrue(e.getMessage().contains("Fixtures_Stale_BlazeBinaryCodec"), e.getMessage());
    assertTrue(e.getMessage().contains("[name, oldField]"), e.getMessage());
    assertTrue(e.getMessage().contains("recompile"), e.getMessage());
    assertFalse(BlazeBinaryMapper.reflective(Fixtures.Stale.class).usesGeneratedCode());
  }

  // ---- helpers ----

  /** The decoded value, or the error's type, message and offset. */
  private static Object outcome(BlazeBinaryMapper<?> mapper, byte[] bytes) {
    try {
      return mapper.decode(bytes);
    } catch (BlazeBinaryException e) {
      return List.of(e.getClass(), e.getMessage(), e.offset());
    }
  }

  private static Arbitrary<String> strings() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ascii().ofMaxLength(40),
        Arbitraries.strings().withCharRange('\u0000', '\ud7ff').ofMaxLength(20),
        Arbitraries.of("", "é", "日本語", "open", "\ud83d\ude00"));
  }

  private static Arbitrary<Instant> instants() {
    return Arbitraries.longs()
        .between(-10_000_000_000L, 10_000_000_000L)
        .flatMap(
            s ->
                Arbitraries.integers()
                    .between(0, 999)
                    .map(ms -> Instant.ofEpochSecond(s, ms * 1_000_000L)));
  }

  private static Arbitrary<List<String>> tagLists() {
    return Arbitraries.strings().ascii().ofMaxLength(12).list().ofMaxSize(4);
  }

  @Provide
  Arbitrary<Ticket> tickets() {
    return ticketsWith(0.3);
  }

  @Provide
  Arbitrary<List<Ticket>> ticketLists() {
    return ticketsWith(0.3).list().ofMaxSize(20);
  }

  @Provide
  Arbitrary<Ticket> fullTickets() {
    return ticketsWith(0.0);
  }

  private static Arbitrary<Ticket> ticketsWith(double nulls) {
    Arbitrary<List<Object>> references =
        Combinators.combine(
                Arbitraries.create(UUID::randomUUID).injectNull(nulls),
                strings().injectNull(nulls),
                strings().injectNull(nulls),
                Arbitraries.integers().injectNull(nulls),
                Arbitraries.longs().injectNull(nulls),
                Arbitraries.doubles().injectNull(nulls),
                Arbitraries.of(true, false).injectNull(nulls),
                instants().injectNull(nulls))
            .as(
                (a, b, c, d, e, f, g, h) -> {
                  List<Object> l = new ArrayList<>();
                  java.util.Collections.addAll(l, a, b, c, d, e, f, g, h);
                  return l;
                });
    return Combinators.combine(
            references,
            tagLists().injectNull(nulls),
            Arbitraries.integers(),
            Arbitraries.longs(),
            Arbitraries.doubles(),
            Arbitraries.of(true, false))
        .as(
            (refs, tags, priority, views, score, open) -> {
              Ticket t = new Ticket();
              t.setId((UUID) refs.get(0));
              t.setTitle((String) refs.get(1));
              t.setNote((String) refs.get(2));
              t.setVotes((Integer) refs.get(3));
              t.setBytes((Long) refs.get(4));
              t.setWeight((Double) refs.get(5));
              t.setPinned((Boolean) refs.get(6));
              t.setCreatedAt((Instant) refs.get(7));
              t.setTags(tags);
              t.setPriority(priority);
              t.setViews(views);
              t.setScore(score);
              t.setOpen(open);
              return t;
            });
  }

  @Provide
  Arbitrary<Fixtures.Event> events() {
    return Combinators.combine(
            strings().injectNull(0.2),
            Arbitraries.longs(),
            Arbitraries.create(UUID::randomUUID).injectNull(0.2),
            tagLists().injectNull(0.2),
            instants().injectNull(0.2),
            Arbitraries.of(true, false).injectNull(0.2),
            Arbitraries.integers())
        .as(Fixtures.Event::new);
  }
}

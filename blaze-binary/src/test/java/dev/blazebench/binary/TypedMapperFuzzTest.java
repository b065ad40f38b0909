package dev.blazebench.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.blazebench.binary.TypedFixtures.AllKinds;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Coverage-guided fuzzing of the typed decoder with Jazzer. The contract: any input either decodes
 * to an {@link AllKinds} or a list of them, and then the schemaless decoder reads the same input as
 * records that {@code fromRecord} turns into the same objects; or it is rejected with a {@link
 * BlazeBinaryException} whose offset lies inside the input, exactly as through a direct buffer, and
 * the schemaless path rejects it too. Anything else thrown is a finding.
 *
 * <p>In a normal build the targets run as regression tests over the seeds under {@code
 * src/test/resources/dev/blazebench/binary/TypedMapperFuzzTestInputs/<method>/} (typed encodings of
 * every field type, v1 and v2). To fuzz one (see {@link DecoderFuzzTest} for the flags):
 *
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -B -pl blaze-binary test -Dtest=TypedMapperFuzzTest#decodeTyped
 * </pre>
 */
class TypedMapperFuzzTest {

  private static final BlazeBinaryMapper<AllKinds> MAPPER = BlazeBinaryMapper.of(AllKinds.class);
  private static final BlazeBinaryDecoder DECODER = BlazeBinaryDecoder.withDefaults();

  @FuzzTest(maxDuration = "10m")
  void decodeTyped(byte[] input) {
    AllKinds typed = decodeOrCheckRejection(input);
    AllKinds viaRecord;
    try {
      viaRecord = MAPPER.fromRecord(DECODER.decode(input));
    } catch (BlazeBinaryException | IllegalArgumentException e) {
      assertEquals(null, typed, () -> "typed accepted what the schemaless path rejects: " + e);
      return;
    }
    assertTrue(typed != null, "typed rejected what the schemaless path accepts");
    assertEquals(
        TypedMapperPropertyTest.expectedRecord(viaRecord),
        TypedMapperPropertyTest.expectedRecord(typed));
  }

  @FuzzTest(maxDuration = "10m")
  void decodeTypedSequence(byte[] input) {
    List<AllKinds> typed;
    try {
      typed = MAPPER.decodeSequence(input);
    } catch (BlazeBinaryException e) {
      assertTrue(e.offset() >= 0 && e.offset() <= input.length, e::getMessage);
      return;
    }
    List<BlazeRecord> records = BlazeSequences.decodeRecords(input);
    assertEquals(records.size(), typed.size());
    for (int i = 0; i < typed.size(); i++) {
      assertEquals(
          TypedMapperPropertyTest.expectedRecord(MAPPER.fromRecord(records.get(i))),
          TypedMapperPropertyTest.expectedRecord(typed.get(i)));
    }
  }

  /** The decoded object, or null after checking the rejection as {@link DecoderFuzzTest} does. */
  private static AllKinds decodeOrCheckRejection(byte[] input) {
    ByteBuffer direct = ByteBuffer.allocateDirect(input.length).put(input).flip();
    AllKinds value;
    try {
      value = MAPPER.decode(input);
    } catch (BlazeBinaryException e) {
      assertTrue(e.offset() >= 0 && e.offset() <= input.length, e::getMessage);
      assertTrue(e.getMessage().contains(" at byte offset " + e.offset()), e::getMessage);
      BlazeBinaryException fromDirect =
          assertThrows(BlazeBinaryException.class, () -> MAPPER.decode(direct));
      assertEquals(e.getMessage(), fromDirect.getMessage());
      return null;
    }
    assertEquals(
        TypedMapperPropertyTest.expectedRecord(value),
        TypedMapperPropertyTest.expectedRecord(MAPPER.decode(direct)));
    return value;
  }
}

package dev.blazebench.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Function;

/**
 * Coverage-guided fuzzing of the decoders with Jazzer. The contract under test: any input either
 * decodes, and then re-encodes to bytes that decode to an equal value (and re-encode to the same
 * bytes), or is rejected with a {@link BlazeBinaryException} whose offset lies inside the input;
 * the array and direct-buffer readers agree. Anything else thrown (an index, arithmetic or
 * allocation error, a stack overflow, another exception type) is a finding.
 *
 * <p>In a normal build the three targets run as regression tests over the empty input and the seeds
 * under {@code src/test/resources/dev/blazebench/binary/DecoderFuzzTestInputs/<method>/}: examples
 * of every tag, operations, sequences, and inputs that once found bugs. To fuzz one target (Jazzer
 * fuzzes one per run; it stops after {@code maxDuration} or at the first finding, which it writes
 * to that seed directory):
 *
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -B -pl blaze-binary test -Dtest=DecoderFuzzTest#decodeRecord
 * </pre>
 *
 * <p>Jazzer 0.30 reads the duration only from the annotation; to run shorter or longer, pass a
 * libFuzzer flag through its JUnit parameters: {@code -Djazzer.internal.arg.0=fuzz
 * -Djazzer.internal.arg.1=-max_total_time=60}. The working corpus goes to {@code .cifuzz-corpus/},
 * which git ignores.
 */
class DecoderFuzzTest {

  private static final BlazeBinaryDecoder DECODER = BlazeBinaryDecoder.withDefaults();

  @FuzzTest(maxDuration = "10m")
  void decodeRecord(byte[] input) {
    BlazeRecord record = decodeOrCheckRejection(input, DECODER::decode, DECODER::decode);
    if (record == null) {
      return;
    }
    FormatVersion version = DECODER.versionOf(input, 0, input.length);
    byte[] again = BlazeBinaryEncoder.encode(record, version);
    BlazeRecord decodedAgain = DECODER.decode(again);
    assertEquals(record, decodedAgain);
    assertArrayEquals(again, BlazeBinaryEncoder.encode(decodedAgain, version));
  }

  @FuzzTest(maxDuration = "10m")
  void decodeOperation(byte[] input) {
    BlazeOperation op =
        decodeOrCheckRejection(
            input,
            BlazeOperationCodec::decode,
            buffer -> BlazeOperationCodec.decode(buffer, DECODER));
    if (op == null) {
      return;
    }
    byte[] again = BlazeOperationCodec.encode(op);
    BlazeOperation decodedAgain = BlazeOperationCodec.decode(again);
    assertEquals(op, decodedAgain);
    assertArrayEquals(again, BlazeOperationCodec.encode(decodedAgain));
  }

  @FuzzTest(maxDuration = "10m")
  void decodeSequence(byte[] input) {
    List<BlazeRecord> records =
        decodeOrCheckRejection(input, BlazeSequences::decodeRecords, BlazeSequences::decodeRecords);
    if (records != null) {
      // Items may mix versions; re-encode each in its own, then frame them again.
      byte[] again = BlazeSequences.encodeRecords(records, FormatVersion.V1);
      assertEquals(records, BlazeSequences.decodeRecords(again));
    }
    List<BlazeOperation> ops =
        decodeOrCheckRejection(
            input,
            BlazeSequences::decodeOperations,
            buffer -> BlazeSequences.decodeOperations(buffer, DECODER));
    if (ops != null) {
      byte[] again = BlazeSequences.encodeOperations(ops);
      assertEquals(ops, BlazeSequences.decodeOperations(again));
      assertArrayEquals(
          again, BlazeSequences.encodeOperations(BlazeSequences.decodeOperations(again)));
    }
  }

  /**
   * The decoded value, or null after checking the rejection: an offset inside the input, a message,
   * and the same rejection from a direct buffer.
   */
  private static <T> T decodeOrCheckRejection(
      byte[] input, Function<byte[], T> fromArray, Function<ByteBuffer, T> fromBuffer) {
    ByteBuffer direct = ByteBuffer.allocateDirect(input.length).put(input).flip();
    T value;
    try {
      value = fromArray.apply(input);
    } catch (BlazeBinaryException e) {
      assertTrue(e.offset() >= 0 && e.offset() <= input.length, e::getMessage);
      assertTrue(e.getMessage().contains(" at byte offset " + e.offset()), e::getMessage);
      BlazeBinaryException fromDirect =
          assertThrows(BlazeBinaryException.class, () -> fromBuffer.apply(direct));
      assertEquals(e.getMessage(), fromDirect.getMessage());
      return null;
    }
    assertEquals(value, fromBuffer.apply(direct));
    return value;
  }
}

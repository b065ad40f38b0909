package dev.blazebench.protocol.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.blazebench.binary.BlazeBinaryDecoder;
import dev.blazebench.binary.BlazeBinaryException;
import dev.blazebench.binary.BlazeRecord;

/**
 * Coverage-guided fuzzing, with Jazzer, of the query document as the native gRPC API reads it: a
 * BlazeBinary record, then {@link QueryDocument#fromRecord}. The contract: bytes that decode to a
 * record either make a query, which writes back to a document that reads to the same query, or are
 * refused with {@link InvalidQueryException} (the server's INVALID_ARGUMENT). Anything else thrown
 * is a finding: the server would answer UNKNOWN or INTERNAL. Undecodable bytes are the decoder's
 * own fuzz test's business ({@code DecoderFuzzTest} in blaze-binary).
 *
 * <p>In a normal build it replays the seeds under {@code
 * src/test/resources/dev/blazebench/protocol/query/QueryDocumentFuzzTestInputs/readDocument/}. To
 * fuzz: {@code JAZZER_FUZZ=1 ./mvnw -B -pl protocol test -Dtest=QueryDocumentFuzzTest}.
 */
class QueryDocumentFuzzTest {

  private static final BlazeBinaryDecoder DECODER = BlazeBinaryDecoder.withDefaults();

  @FuzzTest(maxDuration = "5m")
  void readDocument(byte[] input) {
    BlazeRecord document;
    try {
      document = DECODER.decode(input);
    } catch (BlazeBinaryException notARecord) {
      return;
    }
    Query query;
    try {
      query = QueryDocument.fromRecord(document);
    } catch (InvalidQueryException refused) {
      return;
    }
    assertEquals(query, QueryDocument.fromRecord(QueryDocument.toRecord(query)));
  }
}

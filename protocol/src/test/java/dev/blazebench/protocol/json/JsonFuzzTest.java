package dev.blazebench.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.protocol.query.InvalidQueryException;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.query.QueryJson;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Coverage-guided fuzzing, with Jazzer, of the JSON a REST client sends: a record, a batch of
 * records, a query document, read exactly as the REST API reads a request body. The contract: any
 * bytes either read, and then write back to JSON that reads to an equal value, or are refused with
 * {@link InvalidJsonException} (records) or {@link InvalidQueryException} (queries), whose message
 * the server returns with a 400. Anything else thrown is a finding: the server would answer 500.
 *
 * <p>In a normal build the targets run as regression tests over the empty input and the seeds under
 * {@code src/test/resources/dev/blazebench/protocol/json/JsonFuzzTestInputs/<method>/}. To fuzz one
 * target (it stops after {@code maxDuration} or at the first finding, written to that directory):
 *
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -B -pl protocol test -Dtest=JsonFuzzTest#readRecord
 * </pre>
 */
class JsonFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void readRecord(byte[] input) {
    BlazeRecord record;
    try {
      record = RecordJson.readRecord(input);
    } catch (InvalidJsonException refused) {
      return;
    }
    assertEquals(record, RecordJson.readRecord(RecordJson.toJsonBytes(record)));
  }

  @FuzzTest(maxDuration = "5m")
  void readRecords(byte[] input) {
    List<BlazeRecord> records;
    try {
      records = RecordJson.readRecords(input);
    } catch (InvalidJsonException refused) {
      return;
    }
    assertEquals(records, RecordJson.readRecords(RecordJson.toJsonBytes(records)));
  }

  @FuzzTest(maxDuration = "5m")
  void readQuery(byte[] input) {
    Query query;
    try {
      // As the REST API reads a query body: the bytes as UTF-8 text.
      query = QueryJson.fromJson(new String(input, StandardCharsets.UTF_8));
    } catch (InvalidQueryException refused) {
      return;
    }
    assertEquals(query, QueryJson.fromJson(QueryJson.toJsonString(query)));
  }
}

package dev.blazebench.load.scenario;

import dev.blazebench.binary.BlazeValue;
import dev.blazebench.load.api.LoadClient;
import dev.blazebench.load.api.Records;
import dev.blazebench.load.engine.Iteration;
import dev.blazebench.load.engine.OpOutcome;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.workload.BugFields;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * {@code fetch-1000}: the seed's "fetch 1,000 records" test. Each call queries the open bugs, limit
 * 1000, and decodes them all; it succeeds only if exactly 1,000 came back and their checksum equals
 * that of the reference answer taken before the run.
 *
 * <p>{@link #prepare} inserts canonical workload records until the collection holds at least 1,000
 * open bugs. Do not write to the collection during the run: the answer would change and every call
 * would fail validation (as it should).
 */
public final class Fetch1000 extends ClientScenario {

  /** The scenario's name. */
  public static final String NAME = "fetch-1000";

  /** Records per answer. */
  public static final int LIMIT = 1000;

  /** The query every call sends: open bugs, at most {@link #LIMIT}. */
  public static final Query QUERY =
      Query.builder()
          .whereEquals(BugFields.STATUS, BlazeValue.string(BugFields.STATUS_OPEN))
          .limit(LIMIT)
          .build();

  private long expectedChecksum;

  public Fetch1000(LoadClient api, String collection) {
    super(api, collection);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> operationNames() {
    return List.of("query");
  }

  @Override
  public void prepare(Duration deadline) throws Exception {
    Setup setup = new Setup(api, collection, deadline);
    int inserted = 0;
    Records answer = setup.query(QUERY);
    while (answer.size() < LIMIT) {
      // Workload records are 40% open: insert in batches until 1,000 are.
      inserted += setup.insertWorkload(inserted, 500);
      answer = setup.query(QUERY);
    }
    expectedChecksum = answer.checksum();
  }

  @Override
  public CompletionStage<?> runIteration(Iteration iteration) {
    return iteration.call(
        "query",
        deadline ->
            api.query(collection, QUERY, deadline)
                .thenApply(
                    answer -> {
                      Records records = answer.records();
                      long checksum = records.checksum();
                      boolean matched = records.size() == LIMIT && checksum == expectedChecksum;
                      return OpOutcome.checked(
                              matched,
                              matched
                                  ? null
                                  : "expected "
                                      + LIMIT
                                      + " records with the reference checksum, got "
                                      + records.size()
                                      + (checksum == expectedChecksum
                                          ? ""
                                          : " with another checksum"),
                              answer.requestPayloadBytes(),
                              answer.responsePayloadBytes())
                          .withRecords(records.size());
                    }));
  }
}

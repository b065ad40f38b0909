package dev.blazebench.load.scenario;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.load.engine.Iteration;
import dev.blazebench.load.engine.OpOutcome;
import dev.blazebench.load.engine.Scenario;
import dev.blazebench.load.grpc.BlazeApi;
import dev.blazebench.load.wire.WireCounter;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.workload.BugWorkload;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * {@code fetch-1000}: the seed's "fetch 1,000 records" test. Each call queries the open bugs, limit
 * 1000, and decodes them all; it succeeds only if exactly 1,000 came back and their checksum equals
 * that of the reference answer taken before the run.
 *
 * <p>{@link #prepare} inserts canonical workload records ({@link BugWorkload}, default seed) until
 * the collection holds at least 1,000 open bugs. Do not write to the collection during the run: the
 * answer would change and every call would fail validation (as it should).
 */
public final class Fetch1000 implements Scenario {

  /** The scenario's name. */
  public static final String NAME = "fetch-1000";

  /** Records per answer. */
  public static final int LIMIT = 1000;

  private static final int SEED_BATCH = 500;

  private final BlazeApi api;
  private final String collection;
  private final Query query =
      Query.builder().whereEquals("status", BlazeValue.string("open")).limit(LIMIT).build();
  private long expectedChecksum;

  public Fetch1000(BlazeApi api, String collection) {
    this.api = api;
    this.collection = collection;
  }

  @Override
  public String api() {
    return api.name();
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
    int index = 0;
    while (fetch(deadline).count() < LIMIT) {
      List<BlazeRecord> batch = BugWorkload.newBugs(BugWorkload.DEFAULT_SEED, index, SEED_BATCH);
      api.insertMany(collection, batch, deadline)
          .get(deadline.toMillis() * 2, TimeUnit.MILLISECONDS);
      index += SEED_BATCH;
    }
    expectedChecksum = RecordsChecksum.of(fetch(deadline).records());
  }

  private BlazeApi.Answer fetch(Duration deadline) throws Exception {
    return api.query(collection, query, deadline)
        .get(deadline.toMillis() * 2, TimeUnit.MILLISECONDS);
  }

  @Override
  public CompletionStage<?> runIteration(Iteration iteration) {
    return iteration.call(
        "query",
        deadline ->
            api.query(collection, query, deadline)
                .thenApply(
                    answer -> {
                      long checksum = RecordsChecksum.of(answer.records());
                      boolean matched = answer.count() == LIMIT && checksum == expectedChecksum;
                      return OpOutcome.checked(
                          matched,
                          matched
                              ? null
                              : "expected "
                                  + LIMIT
                                  + " records with the reference checksum, got "
                                  + answer.count()
                                  + (checksum == expectedChecksum ? "" : " with another checksum"),
                          answer.requestPayloadBytes(),
                          answer.responsePayloadBytes());
                    }));
  }

  @Override
  public OpOutcome classify(Throwable error) {
    return api.classify(error);
  }

  @Override
  public Optional<WireCounter> wireCounter() {
    return Optional.of(api.wireCounter());
  }
}

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
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * {@code get-one}: the seed's "fetch one record by id". Each call fetches one of {@value #POOL}
 * records by id and succeeds only if exactly that record came back, every field equal to the
 * reference taken before the run (its {@link dev.blazebench.load.api.RecordChecksum} hash).
 *
 * <p>{@link #prepare} makes the collection hold at least {@value #POOL} records (inserting
 * canonical workload records if not) and reads the first {@value #POOL} as the pool. Iterations
 * walk the pool in a scattered order, so consecutive calls read different records.
 */
public final class GetOne extends ClientScenario {

  /** The scenario's name. */
  public static final String NAME = "get-one";

  /** Records fetched in turn. */
  static final int POOL = 1000;

  /** A step coprime with the pool size, so index × step mod pool visits every record. */
  private static final long STEP = 7919;

  private UUID[] ids = new UUID[0];
  private long[] hashes = new long[0];

  public GetOne(LoadClient api, String collection) {
    super(api, collection);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> operationNames() {
    return List.of("fetch");
  }

  @Override
  public void prepare(Duration deadline, Consumer<String> progress) throws Exception {
    Setup setup = new Setup(api, collection, deadline);
    setup.ensureRecords(POOL, progress);
    Records pool = setup.query(Query.builder().limit(POOL).build());
    ids = new UUID[pool.size()];
    hashes = new long[pool.size()];
    for (int i = 0; i < pool.size(); i++) {
      ids[i] = idOf(pool, i);
      hashes[i] = pool.recordHash(i);
    }
  }

  @Override
  public CompletionStage<?> runIteration(Iteration iteration) {
    int k = (int) Math.floorMod(iteration.index() * STEP, (long) ids.length);
    UUID id = ids[k];
    long expected = hashes[k];
    return iteration.call(
        "fetch",
        deadline ->
            api.fetch(collection, id, deadline)
                .thenApply(
                    answer -> {
                      Records records = answer.records();
                      boolean matched = records.size() == 1 && records.recordHash(0) == expected;
                      return OpOutcome.checked(
                              matched,
                              "expected record "
                                  + id
                                  + " as before the run, got "
                                  + records.size()
                                  + " records"
                                  + (records.size() == 1 ? " that differ" : ""),
                              answer.requestPayloadBytes(),
                              answer.responsePayloadBytes())
                          .withRecords(records.size());
                    }));
  }

  static UUID idOf(Records records, int index) {
    if (records.field(index, BugFields.ID) instanceof BlazeValue.UuidValue id) {
      return id.value();
    }
    throw new IllegalStateException("record " + index + " of the answer has no uuid id");
  }
}

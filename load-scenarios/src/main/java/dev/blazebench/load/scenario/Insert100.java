package dev.blazebench.load.scenario;

import dev.blazebench.load.api.LoadClient;
import dev.blazebench.load.api.PreparedRecords;
import dev.blazebench.load.engine.Iteration;
import dev.blazebench.load.engine.OpOutcome;
import dev.blazebench.protocol.workload.BugWorkload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * {@code insert-100}: the seed's batch insert. Each call inserts 100 canonical workload records
 * ({@link BugWorkload#newBugs}, the iteration picking which 100, so calls differ) in one
 * InsertMany, and succeeds only if 100 ids come back. Encoding the records is client work inside
 * the timed call, as in an application; building them (in the client's own representation: {@link
 * LoadClient#prepare}) is done once, in {@link #prepare}. The server gives each insert a new id, so
 * the collection grows by 100 records per call.
 */
public final class Insert100 extends ClientScenario {

  /** The scenario's name. */
  public static final String NAME = "insert-100";

  /** Records per call. */
  public static final int BATCH = 100;

  /**
   * Distinct batches cycled through (10,000 records, a few MB), built in {@link #prepare}: making
   * workload records is test-fixture work, and done inside the timed call it held up the dispatch
   * thread (the self-watch showed it as dispatch lag).
   */
  private static final int DISTINCT_BATCHES = 100;

  private final List<PreparedRecords> batches = new ArrayList<>();

  public Insert100(LoadClient api, String collection) {
    super(api, collection);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> operationNames() {
    return List.of("insertMany");
  }

  @Override
  public void prepare(Duration deadline) {
    batches.clear();
    for (int b = 0; b < DISTINCT_BATCHES; b++) {
      batches.add(api.prepare(BugWorkload.newBugs(BugWorkload.DEFAULT_SEED, b * BATCH, BATCH)));
    }
  }

  @Override
  public CompletionStage<?> runIteration(Iteration iteration) {
    PreparedRecords records = batches.get((int) (iteration.index() % batches.size()));
    return iteration.call(
        "insertMany",
        deadline ->
            api.insertMany(collection, records, deadline)
                .thenApply(
                    answer ->
                        OpOutcome.checked(
                            answer.ids().size() == BATCH,
                            "expected " + BATCH + " ids, got " + answer.ids().size(),
                            answer.requestPayloadBytes(),
                            answer.responsePayloadBytes())));
  }
}

package dev.blazebench.load.scenario;

import dev.blazebench.binary.BlazeValue;
import dev.blazebench.load.api.LoadClient;
import dev.blazebench.load.api.Records;
import dev.blazebench.load.engine.Iteration;
import dev.blazebench.load.engine.OpOutcome;
import dev.blazebench.protocol.query.Aggregate;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.workload.BugFields;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * {@code aggregate}: the seed's "count bugs by status" two ways in one run, iterations alternating
 * between them so both see the same load:
 *
 * <ul>
 *   <li>{@code aggregate}: the server groups and counts ({@code groupBy: [status], aggregates:
 *       [count as n]}) and sends a few rows;
 *   <li>{@code download-count}: the client downloads every record of the collection and counts them
 *       by status itself, what an API without aggregation forces.
 * </ul>
 *
 * Both must give the counts taken before the run ({@link #prepare} checks that the two ways agree
 * then). The collection must not change during the run. An empty collection is first filled with
 * {@value #SEED_RECORDS} canonical workload records.
 */
public final class AggregateByStatus extends ClientScenario {

  /** The scenario's name. */
  public static final String NAME = "aggregate";

  static final int SEED_RECORDS = 10_000;

  /** Group by status, count as {@code n}. */
  public static final Query BY_STATUS =
      Query.builder().groupBy(BugFields.STATUS).aggregate(Aggregate.count("n")).build();

  private Map<String, Long> expected = Map.of();

  public AggregateByStatus(LoadClient api, String collection) {
    super(api, collection);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> operationNames() {
    return List.of("aggregate", "download-count");
  }

  @Override
  public void prepare(Duration deadline, Consumer<String> progress) throws Exception {
    Setup setup = new Setup(api, collection, deadline);
    long records = setup.count();
    if (records == 0) {
      records = setup.ensureRecords(SEED_RECORDS, progress);
    }
    Map<String, Long> fromServer = countsOfRows(setup.aggregate(BY_STATUS));
    Map<String, Long> fromClient = countByStatus(setup.query(Query.all()));
    if (!fromServer.equals(fromClient)) {
      throw new IllegalStateException(
          "the server's aggregate "
              + fromServer
              + " disagrees with counting its records "
              + fromClient);
    }
    expected = fromServer;
    progress.accept(
        "collection \"" + collection + "\": " + records + " records, by status " + expected);
  }

  @Override
  public CompletionStage<?> runIteration(Iteration iteration) {
    if (iteration.index() % 2 == 0) {
      return iteration.call(
          "aggregate",
          deadline ->
              api.aggregate(collection, BY_STATUS, deadline)
                  .thenApply(
                      answer ->
                          check(
                              countsOfRows(answer.records()),
                              answer.records().size(),
                              answer.requestPayloadBytes(),
                              answer.responsePayloadBytes())));
    }
    return iteration.call(
        "download-count",
        deadline ->
            api.query(collection, Query.all(), deadline)
                .thenApply(
                    answer ->
                        check(
                            countByStatus(answer.records()),
                            answer.records().size(),
                            answer.requestPayloadBytes(),
                            answer.responsePayloadBytes())));
  }

  private OpOutcome check(Map<String, Long> counts, int records, long sent, long received) {
    boolean matched = counts.equals(expected);
    return OpOutcome.checked(
            matched, "expected " + expected + ", counted " + counts, sent, received)
        .withRecords(records);
  }

  /** Rows {@code {status, n}} as a map. */
  static Map<String, Long> countsOfRows(Records rows) {
    Map<String, Long> counts = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      if (!(rows.field(i, "n") instanceof BlazeValue.IntValue n)) {
        throw new IllegalStateException("row " + i + " has no int \"n\"");
      }
      counts.put(statusOf(rows, i), n.value());
    }
    return counts;
  }

  /** Counting on the client: one pass over the decoded records. */
  static Map<String, Long> countByStatus(Records records) {
    Map<String, Long> counts = new TreeMap<>();
    for (int i = 0; i < records.size(); i++) {
      counts.merge(statusOf(records, i), 1L, Long::sum);
    }
    return counts;
  }

  private static String statusOf(Records records, int index) {
    BlazeValue status = records.field(index, BugFields.STATUS);
    return status instanceof BlazeValue.StringValue s ? s.value() : String.valueOf(status);
  }
}

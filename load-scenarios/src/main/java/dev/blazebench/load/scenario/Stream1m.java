package dev.blazebench.load.scenario;

import dev.blazebench.load.api.LoadClient;
import dev.blazebench.load.api.Records;
import dev.blazebench.load.engine.Iteration;
import dev.blazebench.load.engine.OpOutcome;
import dev.blazebench.protocol.query.Query;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * {@code stream-1m}: the seed's "stream a million records". Each call streams the collection's
 * first N records (default 1,000,000; {@code --records N} for a quick run) in batches ({@code
 * StreamQuery} over gRPC, chunked NDJSON over REST), decoding each batch and adding it to a running
 * checksum, then dropping it; it succeeds only if N records came back with the checksum of the
 * reference stream taken before the run. Results give records per second ({@code recordsPerSec})
 * and the client's heap peaks (the driver's {@code heapPeakUsedBytes}, {@code
 * heapPeakAfterGcBytes}): a client that holds a batch, not the stream, stays flat.
 *
 * <p>{@link #prepare} fills the collection (default {@value #DEFAULT_COLLECTION}, apart from the
 * other scenarios' so that their answers stay small) to N records with canonical workload records,
 * in batches of 1,000, reporting progress; a second run finds them there.
 *
 * <p>One stream takes seconds: run it with a closed model and a long deadline, e.g. {@code --closed
 * 1 --deadline 300s --duration 60s --warmup 0s}.
 */
public final class Stream1m extends ClientScenario {

  /** The scenario's name. */
  public static final String NAME = "stream-1m";

  /** Its collection unless {@code --collection} says otherwise. */
  public static final String DEFAULT_COLLECTION = "stream";

  /** Records per stream unless {@code --records} says otherwise. */
  public static final int DEFAULT_RECORDS = 1_000_000;

  /** The reference stream may take this long however short the calls' deadline. */
  private static final Duration SETUP_STREAM_DEADLINE = Duration.ofMinutes(30);

  private final int records;
  private final int batchSize;
  private final Query query;
  private long expectedChecksum;

  /**
   * @param records records per stream
   * @param batchSize records per batch; 0 for the server's default
   */
  public Stream1m(LoadClient api, String collection, int records, int batchSize) {
    super(api, collection);
    if (records < 1) {
      throw new IllegalArgumentException("records must be at least 1, was " + records);
    }
    this.records = records;
    this.batchSize = batchSize;
    this.query = Query.builder().limit(records).build();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> operationNames() {
    return List.of("stream");
  }

  @Override
  public void prepare(Duration deadline, Consumer<String> progress) throws Exception {
    Setup setup = new Setup(api, collection, deadline);
    setup.ensureRecords(records, progress);
    progress.accept(
        String.format(
            Locale.ROOT, "reference stream of %d records from \"%s\"", records, collection));
    long startNanos = System.nanoTime();
    Duration streamDeadline = max(deadline, SETUP_STREAM_DEADLINE);
    Records reference =
        new Setup(api, collection, streamDeadline)
            .await(api.streamQuery(collection, query, batchSize, streamDeadline))
            .records();
    if (reference.size() != records) {
      throw new IllegalStateException(
          "the reference stream gave " + reference.size() + " records, not " + records);
    }
    expectedChecksum = reference.checksum();
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    progress.accept(
        String.format(
            Locale.ROOT,
            "reference stream took %.1f s (%.0f records/s)",
            seconds,
            records / seconds));
  }

  @Override
  public CompletionStage<?> runIteration(Iteration iteration) {
    return iteration.call(
        "stream",
        deadline ->
            api.streamQuery(collection, query, batchSize, deadline)
                .thenApply(
                    answer -> {
                      Records streamed = answer.records();
                      boolean matched =
                          streamed.size() == records && streamed.checksum() == expectedChecksum;
                      return OpOutcome.checked(
                              matched,
                              "expected "
                                  + records
                                  + " records with the reference checksum, got "
                                  + streamed.size(),
                              answer.requestPayloadBytes(),
                              answer.responsePayloadBytes())
                          .withRecords(streamed.size());
                    }));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}

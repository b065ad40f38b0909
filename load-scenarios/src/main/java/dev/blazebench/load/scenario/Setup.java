package dev.blazebench.load.scenario;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.load.api.LoadClient;
import dev.blazebench.load.api.PreparedRecords;
import dev.blazebench.load.api.Records;
import dev.blazebench.protocol.query.Aggregate;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.workload.BugWorkload;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Blocking calls for a scenario's {@code prepare}: getting the target ready (inserting canonical
 * workload records, taking reference answers) through the same client the run uses, never measured.
 */
final class Setup {

  /** Records per insert when seeding a collection. */
  static final int SEED_BATCH = 1000;

  /** Seeding inserts in flight at once. */
  static final int SEED_IN_FLIGHT = 4;

  private final LoadClient api;
  private final String collection;
  private final Duration deadline;

  Setup(LoadClient api, String collection, Duration deadline) {
    this.api = api;
    this.collection = collection;
    this.deadline = deadline;
  }

  Records query(Query query) throws Exception {
    return await(api.query(collection, query, deadline)).records();
  }

  Records aggregate(Query query) throws Exception {
    return await(api.aggregate(collection, query, deadline)).records();
  }

  /** How many records the collection holds (an aggregation: count, no groupBy). */
  long count() throws Exception {
    Records rows = aggregate(Query.builder().aggregate(Aggregate.count("n")).build());
    if (rows.size() != 1 || !(rows.field(0, "n") instanceof BlazeValue.IntValue n)) {
      throw new IllegalStateException(
          "counting collection \"" + collection + "\" gave " + rows.size() + " rows, not one");
    }
    return n.value();
  }

  /**
   * Inserts workload records {@code fromIndex ..} (without ids: the server gives them), {@code
   * count} of them; returns {@code count}.
   */
  int insertWorkload(int fromIndex, int count) throws Exception {
    List<BlazeRecord> records = BugWorkload.newBugs(BugWorkload.DEFAULT_SEED, fromIndex, count);
    List<UUID> ids = await(api.insertMany(collection, api.prepare(records), deadline)).ids();
    if (ids.size() != count) {
      throw new IllegalStateException("inserted " + count + " records, got " + ids.size() + " ids");
    }
    return count;
  }

  /**
   * Inserts workload records {@code fromIndex .. fromIndex + count - 1} in batches of {@code
   * batchSize}, {@code inFlight} batches at a time, telling {@code progress} how many are in after
   * each batch.
   */
  void insertWorkloadInBatches(
      long fromIndex, long count, int batchSize, int inFlight, LongConsumer progress)
      throws Exception {
    Deque<CompletableFuture<?>> pending = new ArrayDeque<>();
    long done = 0;
    for (long start = 0; start < count; start += batchSize) {
      int size = (int) Math.min(batchSize, count - start);
      PreparedRecords batch =
          api.prepare(
              BugWorkload.newBugs(
                  BugWorkload.DEFAULT_SEED, Math.toIntExact(fromIndex + start), size));
      pending.add(
          api.insertMany(collection, batch, deadline)
              .thenAccept(
                  answer -> {
                    if (answer.ids().size() != size) {
                      throw new IllegalStateException(
                          "inserted " + size + " records, got " + answer.ids().size() + " ids");
                    }
                  }));
      if (pending.size() >= inFlight) {
        await(pending.removeFirst());
        done += batchSize;
        progress.accept(Math.min(done, count));
      }
    }
    while (!pending.isEmpty()) {
      await(pending.removeFirst());
    }
    progress.accept(count);
  }

  /**
   * Makes the collection hold at least {@code atLeast} records, inserting canonical workload
   * records (from index {@code count()} on, so that repeated runs add different ones) in batches;
   * returns how many it holds.
   */
  long ensureRecords(long atLeast, Consumer<String> progress) throws Exception {
    long count = count();
    if (count >= atLeast) {
      return count;
    }
    long missing = atLeast - count;
    progress.accept(
        String.format(
            Locale.ROOT,
            "collection \"%s\" holds %d records; inserting %d workload records",
            collection,
            count,
            missing));
    long reportEvery = Math.max(SEED_BATCH, missing / 10 / SEED_BATCH * SEED_BATCH);
    long[] nextReport = {reportEvery};
    insertWorkloadInBatches(
        count,
        missing,
        SEED_BATCH,
        SEED_IN_FLIGHT,
        done -> {
          if (done >= nextReport[0] && done < missing) {
            progress.accept(String.format(Locale.ROOT, "  %d of %d inserted", done, missing));
            nextReport[0] += reportEvery;
          }
        });
    return count();
  }

  <T> T await(CompletableFuture<T> call) throws Exception {
    try {
      return call.get(deadline.toMillis() * 2 + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      throw e;
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new TimeoutException("no answer within " + deadline + " from " + api.name());
    }
  }
}

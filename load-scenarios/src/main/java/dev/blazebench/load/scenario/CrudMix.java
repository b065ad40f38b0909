package dev.blazebench.load.scenario;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.load.api.LoadClient;
import dev.blazebench.load.api.PreparedRecords;
import dev.blazebench.load.api.RecordChecksum;
import dev.blazebench.load.api.Records;
import dev.blazebench.load.engine.Iteration;
import dev.blazebench.load.engine.OpOutcome;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.workload.BugFields;
import dev.blazebench.protocol.workload.BugWorkload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * {@code crud-mix}: reads, inserts, updates and deletes of single records in chosen ratios ({@code
 * --mix read=80,insert=10,update=5,delete=5}, the default). Each iteration is one operation, chosen
 * from its index by a fixed hash, so a run's sequence is the same every time and the ratios hold
 * over any stretch of it.
 *
 * <ul>
 *   <li>{@code read}: fetch a record of the pool (the collection's first {@value #POOL}) by id;
 *       succeeds if that record, with its id, comes back (not its other fields: updates change
 *       them);
 *   <li>{@code update}: set a pool record's priority; succeeds if the answer is that record with
 *       the new priority;
 *   <li>{@code insert}: insert one canonical workload record; succeeds if an id comes back, which
 *       goes to the queue deletes take from;
 *   <li>{@code delete}: delete a record an earlier insert of this run made; succeeds if the server
 *       confirms. When no such record is waiting, the iteration inserts one first and then deletes
 *       it: two steps, recorded as an {@code insert} and a {@code delete}, the second timed from
 *       its own start.
 * </ul>
 *
 * Pool records are never deleted, so reads and updates always find their record.
 */
public final class CrudMix extends ClientScenario {

  /** The scenario's name. */
  public static final String NAME = "crud-mix";

  static final int POOL = 1000;
  private static final int DISTINCT_INSERTS = 1000;
  private static final long STEP = 7919;

  private final Ratios ratios;
  private final ConcurrentLinkedQueue<UUID> deletable = new ConcurrentLinkedQueue<>();
  private final List<PreparedRecords> inserts = new ArrayList<>();
  private UUID[] pool = new UUID[0];

  public CrudMix(LoadClient api, String collection, Ratios ratios) {
    super(api, collection);
    this.ratios = ratios;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> operationNames() {
    return Ratios.OPERATIONS;
  }

  @Override
  public void prepare(Duration deadline, Consumer<String> progress) throws Exception {
    Setup setup = new Setup(api, collection, deadline);
    setup.ensureRecords(POOL, progress);
    Records first = setup.query(Query.builder().limit(POOL).build());
    pool = new UUID[first.size()];
    for (int i = 0; i < first.size(); i++) {
      pool[i] = GetOne.idOf(first, i);
    }
    inserts.clear();
    for (BlazeRecord bug : BugWorkload.newBugs(BugWorkload.DEFAULT_SEED, 0, DISTINCT_INSERTS)) {
      inserts.add(api.prepare(List.of(bug)));
    }
  }

  @Override
  public CompletionStage<?> runIteration(Iteration iteration) {
    long index = iteration.index();
    return switch (ratios.operationFor(index)) {
      case "read" -> read(iteration, pool[slot(index)]);
      case "update" -> update(iteration, pool[slot(index)], 1 + (int) Math.floorMod(index, 5L));
      case "insert" -> insert(iteration, null);
      default -> delete(iteration);
    };
  }

  private int slot(long index) {
    return (int) Math.floorMod(index * STEP, (long) pool.length);
  }

  private CompletionStage<OpOutcome> read(Iteration iteration, UUID id) {
    return iteration.call(
        "read",
        deadline ->
            api.fetch(collection, id, deadline)
                .thenApply(
                    answer -> {
                      Records records = answer.records();
                      // Hashing touches every field, as get-one's check does; the title must be
                      // there (updates change priority only).
                      boolean matched =
                          records.size() == 1
                              && BlazeValue.uuid(id).equals(records.field(0, BugFields.ID))
                              && records.recordHash(0) != 0
                              && records.field(0, BugFields.TITLE) != null;
                      return OpOutcome.checked(
                              matched,
                              "expected record " + id + ", got " + records.size() + " records",
                              answer.requestPayloadBytes(),
                              answer.responsePayloadBytes())
                          .withRecords(records.size());
                    }));
  }

  private CompletionStage<OpOutcome> update(Iteration iteration, UUID id, int priority) {
    BlazeRecord changes =
        BlazeRecord.builder().put(BugFields.PRIORITY, BlazeValue.integer(priority)).build();
    return iteration.call(
        "update",
        deadline ->
            api.update(collection, id, changes, deadline)
                .thenApply(
                    answer -> {
                      Records records = answer.records();
                      boolean matched =
                          records.size() == 1
                              && BlazeValue.uuid(id).equals(records.field(0, BugFields.ID))
                              && BlazeValue.integer(priority)
                                  .equals(records.field(0, BugFields.PRIORITY));
                      return OpOutcome.checked(
                              matched,
                              "expected record " + id + " with priority " + priority,
                              answer.requestPayloadBytes(),
                              answer.responsePayloadBytes())
                          .withRecords(records.size());
                    }));
  }

  /** Inserts one record; its id goes to {@code insertedId} if given, else to the delete queue. */
  private CompletionStage<OpOutcome> insert(Iteration iteration, AtomicReference<UUID> insertedId) {
    PreparedRecords record =
        inserts.get((int) Math.floorMod(iteration.index(), (long) DISTINCT_INSERTS));
    return iteration.call(
        "insert",
        deadline ->
            api.insert(collection, record, deadline)
                .thenApply(
                    answer -> {
                      boolean matched = answer.ids().size() == 1;
                      if (matched) {
                        if (insertedId != null) {
                          insertedId.set(answer.ids().get(0));
                        } else {
                          deletable.add(answer.ids().get(0));
                        }
                      }
                      return OpOutcome.checked(
                          matched,
                          "expected one id, got " + answer.ids().size(),
                          answer.requestPayloadBytes(),
                          answer.responsePayloadBytes());
                    }));
  }

  private CompletionStage<OpOutcome> delete(Iteration iteration) {
    UUID waiting = deletable.poll();
    if (waiting != null) {
      return deleteCall(iteration, waiting);
    }
    // Nothing inserted yet to delete: insert one, then delete it (a two-step iteration).
    AtomicReference<UUID> inserted = new AtomicReference<>();
    return insert(iteration, inserted)
        .thenCompose(
            outcome ->
                outcome.isOk()
                    ? deleteCall(iteration, inserted.get())
                    : CompletableFuture.completedFuture(outcome));
  }

  private CompletionStage<OpOutcome> deleteCall(Iteration iteration, UUID id) {
    return iteration.call(
        "delete",
        deadline ->
            api.delete(collection, id, deadline)
                .thenApply(
                    answer ->
                        OpOutcome.ok(answer.requestPayloadBytes(), answer.responsePayloadBytes())));
  }

  /**
   * The operations' weights, parsed from {@code read=80,insert=10,update=5,delete=5}: whole
   * numbers, any total; an operation left out has weight 0.
   *
   * @param weights weight per operation, in {@link #OPERATIONS} order
   */
  public record Ratios(Map<String, Integer> weights) {

    /** The operations, in the order results list them. */
    public static final List<String> OPERATIONS = List.of("read", "insert", "update", "delete");

    /** {@code read=80,insert=10,update=5,delete=5}. */
    public static final Ratios DEFAULT = parse("read=80,insert=10,update=5,delete=5");

    public Ratios {
      Map<String, Integer> ordered = new LinkedHashMap<>();
      int total = 0;
      for (String op : OPERATIONS) {
        int weight = weights.getOrDefault(op, 0);
        if (weight < 0) {
          throw new IllegalArgumentException("--mix: " + op + " must not be negative");
        }
        ordered.put(op, weight);
        total += weight;
      }
      for (String op : weights.keySet()) {
        if (!OPERATIONS.contains(op)) {
          throw new IllegalArgumentException(
              "--mix: unknown operation '"
                  + op
                  + "' (expected "
                  + String.join(", ", OPERATIONS)
                  + ")");
        }
      }
      if (total <= 0) {
        throw new IllegalArgumentException("--mix: the weights add up to 0");
      }
      weights = java.util.Collections.unmodifiableMap(ordered);
    }

    /** Parses {@code read=80,insert=10,...}; the error names the flag and the part. */
    public static Ratios parse(String text) {
      Map<String, Integer> weights = new LinkedHashMap<>();
      for (String part : text.split(",", -1)) {
        String[] pair = part.trim().split("=", -1);
        if (pair.length != 2 || pair[0].isBlank()) {
          throw new IllegalArgumentException(
              "--mix '" + text + "': '" + part + "' is not op=weight (e.g. read=80)");
        }
        String op = pair[0].trim().toLowerCase(Locale.ROOT);
        int weight;
        try {
          weight = Integer.parseInt(pair[1].trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "--mix '" + text + "': weight '" + pair[1] + "' of " + op + " is not a whole number");
        }
        if (weights.put(op, weight) != null) {
          throw new IllegalArgumentException("--mix '" + text + "': " + op + " is given twice");
        }
      }
      return new Ratios(weights);
    }

    /** The operation of iteration {@code index}: a fixed hash of it, spread by the weights. */
    public String operationFor(long index) {
      int total = weights.values().stream().mapToInt(Integer::intValue).sum();
      long u = Math.floorMod(RecordChecksum.mix(index * 0x9E37_79B9_7F4A_7C15L), (long) total);
      for (Map.Entry<String, Integer> weight : weights.entrySet()) {
        u -= weight.getValue();
        if (u < 0) {
          return weight.getKey();
        }
      }
      throw new AssertionError("unreachable: u below the total");
    }

    /** "read=80,insert=10,update=5,delete=5". */
    public String describe() {
      StringBuilder text = new StringBuilder();
      weights.forEach(
          (op, weight) ->
              text.append(text.length() == 0 ? "" : ",").append(op).append('=').append(weight));
      return text.toString();
    }
  }
}

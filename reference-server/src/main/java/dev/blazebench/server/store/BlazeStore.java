package dev.blazebench.server.store;

import dev.blazebench.binary.BlazeOperation;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.BlazeValue.DateValue;
import dev.blazebench.server.query.RecordSource;
import dev.blazebench.server.query.Visibility;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.value.VersionedValue;

/**
 * The reference server's database: named collections of records keyed by UUID, kept as BlazeBinary
 * v1 bytes in one H2 MVStore file, with BlazeDB's rules for the fields the server owns ({@code id},
 * {@code createdAt}, {@code updatedAt}; see {@link RecordRules}) and for soft deletion ({@link
 * Visibility}: reads never return a record whose {@code isDeleted} is true).
 *
 * <p><b>Durability.</b> A write method returns only after its change is committed to the file, so
 * an acknowledged write survives {@code kill -9} of the process, and with {@link
 * StoreOptions#syncOnCommit()} a power loss too. Concurrent writes share commits (group commit);
 * {@link GroupCommitWriter} gives the argument in full. {@link #insertMany} is all or nothing, also
 * across a crash.
 *
 * <p><b>Threads.</b> All methods are thread-safe. Writes are applied one at a time on the committer
 * thread, so they are serialisable; reads run in the caller's thread on committed data.
 *
 * <p><b>Change log.</b> Every committed insert, update and delete appends one {@code
 * BlazeOperation} to its collection's durable log, in the same transaction, numbered by a gap-free
 * sequence from 1 per collection, stamped with the commit time ({@link ChangeEvent}). Readers page
 * through it with {@link #readChanges}; a {@link ChangeListener} hears of each commit once it is
 * durable (the change feed for Subscribe attaches here). Retention ({@link
 * StoreOptions#changeLogMaxOperations()}, {@link StoreOptions#changeLogRetention()}) bounds it; a
 * reader asking for what was trimmed gets {@link ResyncNeeded}, never a silent gap.
 *
 * <p><b>One process per directory.</b> {@link #open} locks the file; a second process (or a second
 * open in this one) fails with a {@link StoreException} until the first closes or dies.
 *
 * <pre>{@code
 * try (BlazeStore store = BlazeStore.open(Path.of("data"))) {
 *   BlazeRecord bug = store.insert("bugs", BlazeRecord.builder()
 *       .put("title", BlazeValue.string("Login fails")).build());   // id and createdAt set
 *   UUID id = ((BlazeValue.UuidValue) bug.get("id")).value();
 *   store.update("bugs", id, BlazeRecord.builder().put("status", BlazeValue.string("open")).build());
 *   Iterator<BlazeRecord> all = store.scan("bugs");                  // bounded memory
 * }
 * }</pre>
 */
public final class BlazeStore implements AutoCloseable {

  /** The MVStore file inside the data directory. */
  public static final String DATA_FILE_NAME = "blazebench.mv.db";

  /** How long {@link #close} waits for reads that are running (each reads one page or record). */
  private static final Duration READS_CLOSE_WAIT = Duration.ofSeconds(10);

  private final Path dataFile;
  private final StoreOptions options;
  private final MVStore store;
  private final TransactionStore transactions;
  private final CollectionMaps maps;
  private final RecordCodec codec;
  private final ReadTransactions reads;
  private final OperationLog changeLog;
  private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
  private final GroupCommitWriter writer;
  private final AtomicBoolean closed = new AtomicBoolean();

  private BlazeStore(Path dataFile, StoreOptions options, MVStore store) {
    this.dataFile = dataFile;
    this.options = options;
    this.store = store;
    this.codec = new RecordCodec(options.maxRecordBytes());
    this.maps = new CollectionMaps(options.indexedFields(), codec);
    this.transactions = new TransactionStore(store);
    // A transaction that was open when the process died is rolled back; one that had committed
    // but not finished its bookkeeping is completed.
    transactions.init();
    transactions.endLeftoverTransactions();
    store.commit();
    maps.openExisting(transactions, store);
    this.changeLog = OperationLog.open(transactions, store, options);
    store.commit();
    this.reads = new ReadTransactions(transactions, store);
    this.writer =
        new GroupCommitWriter(
            transactions,
            store,
            maps,
            codec,
            changeLog,
            listeners,
            options,
            dataFile.getParent().toString());
  }

  /** Opens (or creates) the store in {@code dataDir} with {@link StoreOptions#defaults()}. */
  public static BlazeStore open(Path dataDir) {
    return open(dataDir, StoreOptions.defaults());
  }

  /**
   * Opens (or creates) the store in {@code dataDir}, creating the directory if needed.
   *
   * @throws StoreException when the directory cannot be created, the file is locked by another
   *     process, or it is not a readable MVStore file
   */
  public static BlazeStore open(Path dataDir, StoreOptions options) {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(options, "options");
    Path dir = dataDir.toAbsolutePath();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StoreException("cannot create data directory " + dir + ": " + e, e);
    }
    Path file = dir.resolve(DATA_FILE_NAME);
    // MVStore's quick start-up after a kill can settle on an older chunk than the newest one
    // committed; a full scan first finds the newest (CrashRecovery explains).
    CrashRecovery.recoverIfNotClosedCleanly(file);
    MVStore store;
    try {
      // Auto-commit off: commits happen only when the committer asks, synchronously in its thread
      // (GroupCommitWriter explains why durability depends on it).
      store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
    } catch (MVStoreException e) {
      throw new StoreException("cannot open " + file + ": " + e.getMessage(), e);
    }
    try {
      return new BlazeStore(file, options, store);
    } catch (RuntimeException | Error e) {
      store.closeImmediately();
      throw e;
    }
  }

  /** The MVStore file this store writes. */
  public Path dataFile() {
    return dataFile;
  }

  public StoreOptions options() {
    return options;
  }

  /**
   * Inserts {@code record} and returns it as stored: with {@code id} (the client's uuid, or a new
   * one) and {@code createdAt} (the client's date, or now).
   *
   * @throws DuplicateRecordException when the id is taken
   * @throws InvalidRecordException when {@code id} or {@code createdAt} has the wrong type, or the
   *     record cannot be stored
   * @throws InvalidCollectionNameException for a bad collection name
   */
  public BlazeRecord insert(String collection, BlazeRecord record) {
    return insertMany(collection, List.of(record)).get(0);
  }

  /**
   * Inserts all of {@code records} in one transaction, or none of them: if any is invalid or its id
   * is taken (also by an earlier record of the same list), nothing is written.
   *
   * @return the records as stored, in the order given
   */
  public List<BlazeRecord> insertMany(String collection, List<BlazeRecord> records) {
    checkOpen();
    CollectionNames.check(collection);
    Objects.requireNonNull(records, "records");
    if (records.isEmpty()) {
      return List.of();
    }
    DateValue now = ServerTime.now(options.clock());
    List<UUID> ids = new ArrayList<>(records.size());
    List<BlazeRecord> stored = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      int index = i;
      BlazeRecord record = Objects.requireNonNull(records.get(i), () -> "records[" + index + "]");
      UUID id = RecordRules.idForInsert(record, collection);
      ids.add(id);
      stored.add(RecordRules.prepareInsert(record, id, now, collection));
    }
    return writer.write(
        tx -> {
          for (int i = 0; i < stored.size(); i++) {
            tx.insert(collection, ids.get(i), stored.get(i));
          }
          return List.copyOf(stored);
        });
  }

  /** The record, unless it is missing or soft-deleted. */
  public Optional<BlazeRecord> fetch(String collection, UUID id) {
    checkOpen();
    CollectionNames.check(collection);
    Objects.requireNonNull(id, "id");
    CollectionMaps.Maps collectionMaps = maps.find(collection);
    if (collectionMaps == null) {
      return Optional.empty();
    }
    MVMap<byte[], VersionedValue<byte[]>> map = collectionMaps.records();
    byte[] key = RecordKeys.toKey(id);
    byte[] bytes = reads.read(tx -> tx.<byte[], byte[]>openMapX(map).get(key));
    if (bytes == null) {
      return Optional.empty();
    }
    BlazeRecord record = codec.decode(bytes, collection, key);
    return Visibility.isVisible(record) ? Optional.of(record) : Optional.empty();
  }

  /**
   * Merges {@code changes} into record {@code id} and returns the new record: named fields are
   * replaced, a null removes its field, others stay; {@code updatedAt} becomes now. A soft-deleted
   * record can be updated (that is how it is restored: {@code isDeleted = false}).
   *
   * @throws RecordNotFoundException when there is no such record
   * @throws InvalidRecordException when the changes alter {@code id} or {@code createdAt}, or the
   *     result cannot be stored
   */
  public BlazeRecord update(String collection, UUID id, BlazeRecord changes) {
    checkOpen();
    CollectionNames.check(collection);
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(changes, "changes");
    DateValue now = ServerTime.now(options.clock());
    return writer.write(
        tx -> {
          BlazeRecord current =
              tx.get(collection, id).orElseThrow(() -> new RecordNotFoundException(collection, id));
          BlazeRecord updated = RecordRules.applyUpdate(current, changes, now, id, collection);
          tx.update(collection, id, updated);
          return updated;
        });
  }

  /** Deletes record {@code id} for good (soft-deleted or not); returns whether it existed. */
  public boolean delete(String collection, UUID id) {
    checkOpen();
    CollectionNames.check(collection);
    Objects.requireNonNull(id, "id");
    return writer.write(tx -> tx.delete(collection, id));
  }

  /**
   * Applies a client's operations to {@code collection} as one atomic write, in order, through the
   * same rules as {@link #insert}, {@link #update} and {@link #delete}: an INSERT stores {@code
   * changes} as a new record with id {@code recordId}, an UPDATE merges {@code changes} into record
   * {@code recordId}, a DELETE removes it. The server's Lamport clock observes each operation's
   * counter. Either every operation is written or none.
   *
   * <p>{@code beforeCommit} runs on the committer thread once all operations are applied, with the
   * sequences they were given, before the commit and before any change listener hears of them: a
   * sync service uses it to recognise its own changes when the feed delivers them. It must be short
   * and must not throw.
   *
   * @return the sequences the operations were given, once they are committed
   * @throws OperationRejectedException when an operation is refused (nothing was written); its
   *     cause is the store's exception for that operation
   * @throws IllegalArgumentException when {@code operations} is empty
   * @throws InvalidCollectionNameException for a bad collection name
   */
  public SequenceRange applyOperations(
      String collection, List<BlazeOperation> operations, Consumer<SequenceRange> beforeCommit) {
    checkOpen();
    CollectionNames.check(collection);
    Objects.requireNonNull(beforeCommit, "beforeCommit");
    if (Objects.requireNonNull(operations, "operations").isEmpty()) {
      throw new IllegalArgumentException("no operations to apply");
    }
    DateValue now = ServerTime.now(options.clock());
    return writer.write(
        tx -> {
          for (int i = 0; i < operations.size(); i++) {
            try {
              applyOperation(tx, collection, operations.get(i), now);
            } catch (StoreException e) {
              throw new OperationRejectedException(i, e);
            }
          }
          long last = tx.lastAppendedSequence();
          SequenceRange range = new SequenceRange(last - operations.size() + 1, last);
          beforeCommit.accept(range);
          return range;
        });
  }

  private static void applyOperation(
      WriteTransaction tx, String collection, BlazeOperation op, DateValue now) {
    if (!op.collection().equals(collection)) {
      throw new InvalidRecordException(
          "the operation is for collection \""
              + op.collection()
              + "\", not \""
              + collection
              + "\"");
    }
    UUID id = op.recordId();
    tx.observeLamport(op.lamportCounter());
    switch (op.type()) {
      case INSERT -> {
        BlazeRecord record = op.changes();
        BlazeValue given = record.get(RecordRules.ID);
        if (given != null
            && !(given instanceof BlazeValue.NullValue)
            && !id.equals(RecordRules.idForInsert(record, collection))) {
          throw new InvalidRecordException(
              "field \"id\" of the inserted record differs from the operation's recordId " + id);
        }
        tx.insert(collection, id, RecordRules.prepareInsert(record, id, now, collection));
      }
      case UPDATE -> {
        BlazeRecord current =
            tx.get(collection, id).orElseThrow(() -> new RecordNotFoundException(collection, id));
        tx.update(
            collection, id, RecordRules.applyUpdate(current, op.changes(), now, id, collection));
      }
      case DELETE -> {
        if (!tx.delete(collection, id)) {
          throw new RecordNotFoundException(collection, id);
        }
      }
      default ->
          throw new InvalidRecordException(
              "operation type "
                  + op.type()
                  + " is not applied by the server (only INSERT, UPDATE, DELETE)");
    }
  }

  /**
   * The collection's visible records in id order, read lazily a page at a time ({@link
   * StoreOptions#scanPageRecords()}): memory stays bounded however large the collection. An unknown
   * collection scans as empty.
   */
  public Iterator<BlazeRecord> scan(String collection) {
    return source(collection).records();
  }

  /**
   * The collection as the query engine reads it: {@link #scan} order, plus index order for the
   * fields in {@link StoreOptions#indexedFields()}, which lets a sorted query with a limit read
   * only about as many records as it returns.
   *
   * <pre>{@code
   * List<BlazeRecord> newest = engine.execute(query, store.source("bugs"));
   * }</pre>
   */
  public RecordSource source(String collection) {
    checkOpen();
    CollectionNames.check(collection);
    return new StoreRecordSource(reads, maps, codec, collection, options);
  }

  /** The number of visible records (a scan: it decodes every record). */
  public long count(String collection) {
    Iterator<BlazeRecord> records = scan(collection);
    long count = 0;
    while (records.hasNext()) {
      records.next();
      count++;
    }
    return count;
  }

  /** The collections that have been written to, sorted by name. */
  public Set<String> collections() {
    checkOpen();
    return maps.names();
  }

  /**
   * Runs {@code work} as one atomic write, in the next commit group, and returns its result once it
   * is committed to the file. The building block of the methods above, for writers that need
   * several changes to commit together (the sync service applying a client's operations). {@code
   * work} runs on the committer thread, so it must be short and must not keep the {@link
   * WriteTransaction}; if it throws, its changes are undone and the exception reaches the caller.
   */
  public <R> R write(Function<WriteTransaction, R> work) {
    checkOpen();
    return writer.write(work);
  }

  /**
   * The changes of {@code collection} after {@code afterSequence}, at most {@code maxCount} and
   * about {@code maxBytes} of operations (always at least one when there is one), as of one
   * instant; see {@link #readChanges(String, long, int, long)}.
   */
  public ChangesResult readChanges(String collection, long afterSequence, int maxCount) {
    return readChanges(collection, afterSequence, maxCount, Long.MAX_VALUE);
  }

  /**
   * The changes of {@code collection} after {@code afterSequence}: a {@link ChangesPage} of the
   * events {@code afterSequence + 1, + 2, ...} in order (empty when there are none yet), at most
   * {@code maxCount} of them and no more operation bytes than {@code maxBytes} unless the first
   * alone is larger; or {@link ResyncNeeded} when retention has trimmed some of them ({@link
   * ResyncNeeded.Reason#EXPIRED}) or {@code afterSequence} is beyond the log's last ({@link
   * ResyncNeeded.Reason#AHEAD_OF_LOG}). {@code afterSequence} 0 asks for everything kept. Reads
   * committed data in the caller's thread.
   *
   * <pre>{@code
   * long since = 0;
   * while (true) {
   *   if (!(store.readChanges("bugs", since, 500) instanceof ChangesPage page)) {
   *     break; // ResyncNeeded: read the collection again
   *   }
   *   page.events().forEach(this::apply);
   *   since = page.nextAfterSequence();
   * }
   * }</pre>
   *
   * @throws IllegalArgumentException when {@code afterSequence} is negative or {@code maxCount} or
   *     {@code maxBytes} is below 1
   */
  public ChangesResult readChanges(
      String collection, long afterSequence, int maxCount, long maxBytes) {
    checkOpen();
    CollectionNames.check(collection);
    if (afterSequence < 0) {
      throw new IllegalArgumentException("afterSequence must be at least 0, was " + afterSequence);
    }
    if (maxCount < 1) {
      throw new IllegalArgumentException("maxCount must be at least 1, was " + maxCount);
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be at least 1, was " + maxBytes);
    }
    return changeLog.read(reads, collection, afterSequence, maxCount, maxBytes);
  }

  /**
   * The sequence of {@code collection}'s newest durable change (0 when it has had none): after it
   * returns, {@link #readChanges} up to this sequence finds every change, and every later change
   * reaches the {@link ChangeListener}s.
   */
  public long lastSequence(String collection) {
    checkOpen();
    CollectionNames.check(collection);
    return changeLog.lastSequence(collection);
  }

  /**
   * This server's node id: chosen at random when the data file was created and kept in it; the
   * {@code nodeId} and Lamport node id of every operation the server logs.
   */
  public UUID nodeId() {
    return changeLog.nodeId();
  }

  /**
   * Adds a listener that hears of every change committed from now on ({@link ChangeListener} says
   * on which thread and when).
   */
  public void addChangeListener(ChangeListener listener) {
    checkOpen();
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Runs {@code action} once, should the store stop taking writes because a commit or a forced
   * write failed (then every write fails with {@link StoreClosedException} until the store is
   * reopened, which recovers every acknowledged write); at once if it already has.
   */
  public void whenFailed(Runnable action) {
    writer.whenFailed(Objects.requireNonNull(action, "action"));
  }

  /** Whether a failed commit or forced write has stopped the store taking writes. */
  public boolean hasFailed() {
    return writer.hasFailed();
  }

  /**
   * The MVStore underneath, for tests that make it fail as an I/O error does: MVStore closes itself
   * after a failed write ({@code panic}).
   */
  MVStore engine() {
    return store;
  }

  /** Removes a listener added before; it hears of no commit that starts after this returns. */
  public void removeChangeListener(ChangeListener listener) {
    listeners.remove(listener);
  }

  /**
   * Commits what was handed in, tells the {@link ChangeListener}s that the store is closing, waits
   * for the reads that are running (new ones fail), then closes the file; a store that has failed
   * is abandoned without writing more (what it acknowledged is in the file already, and a write, as
   * MVStore's close makes, would fail again: a full disk did). Later calls fail with {@link
   * StoreClosedException}; closing again does nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      writer.close();
      notifyClosing();
      if (!reads.close(READS_CLOSE_WAIT)) {
        System.getLogger(BlazeStore.class.getName())
            .log(
                System.Logger.Level.WARNING,
                "reads still running after " + READS_CLOSE_WAIT.toSeconds() + " s; closing anyway");
      }
      if (!writer.hasFailed()) {
        transactions.close(); // commits: on a failed store that would fail again
      }
    } finally {
      if (writer.hasFailed()) {
        store.closeImmediately();
      } else {
        store.close();
      }
    }
  }

  private void notifyClosing() {
    for (ChangeListener listener : listeners) {
      try {
        listener.onStoreClosed();
      } catch (RuntimeException e) {
        System.getLogger(BlazeStore.class.getName())
            .log(System.Logger.Level.WARNING, "a change listener failed while closing", e);
      }
    }
    listeners.clear();
  }

  /**
   * Stops the committer after the writes already handed in, then abandons the file without writing
   * anything more: what a crash leaves on disk. For durability tests only.
   */
  void closeAbruptlyForTesting() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    writer.close();
    notifyClosing();
    store.closeImmediately();
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new StoreClosedException("the store at " + dataFile + " is closed");
    }
  }
}

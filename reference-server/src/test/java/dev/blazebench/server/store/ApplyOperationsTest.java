package dev.blazebench.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.binary.BlazeOperation;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.FormatVersion;
import dev.blazebench.binary.OperationRole;
import dev.blazebench.binary.OperationType;
import dev.blazebench.protocol.sync.ClientOperations;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BlazeStore#applyOperations}, the store side of Sync: a batch is applied in order with the
 * unary rules, all or nothing; the refused operation is named by index with the store's own
 * exception as the cause; the sequences reach {@code beforeCommit} before any listener hears of
 * them (what lets a Sync stream leave its own changes out); the Lamport clock observes the client's
 * counters.
 */
class ApplyOperationsTest {

  private static final String BUGS = "bugs";

  @TempDir Path dir;

  private BlazeStore store;
  private final ClientOperations ops = new ClientOperations(UUID.randomUUID());

  @BeforeEach
  void open() {
    store = BlazeStore.open(dir);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void appliesInsertUpdateAndDeleteInOrderAsOneWrite() {
    UUID kept = UUID.randomUUID();
    UUID gone = UUID.randomUUID();
    List<String> seen = new CopyOnWriteArrayList<>();
    store.addChangeListener(events -> events.forEach(e -> seen.add("listener " + e.sequence())));

    SequenceRange range =
        store.applyOperations(
            BUGS,
            List.of(
                ops.insert(BUGS, kept, record("title", "a")),
                ops.insert(BUGS, gone, record("title", "b")),
                ops.update(BUGS, kept, record("title", "c")),
                ops.delete(BUGS, gone)),
            r -> seen.add("beforeCommit " + r.first() + ".." + r.last()));

    assertThat(range).isEqualTo(new SequenceRange(1, 4));
    assertThat(seen)
        .containsExactly(
            "beforeCommit 1..4", "listener 1", "listener 2", "listener 3", "listener 4");
    assertThat(store.fetch(BUGS, kept).orElseThrow().get("title"))
        .isEqualTo(BlazeValue.string("c"));
    assertThat(store.fetch(BUGS, kept).orElseThrow().get("id")).isEqualTo(BlazeValue.uuid(kept));
    assertThat(store.fetch(BUGS, gone)).isEmpty();
  }

  @Test
  void aRefusedOperationLeavesNothingOfItsBatch() {
    UUID missing = UUID.randomUUID();
    List<SequenceRange> announced = new ArrayList<>();

    assertThatThrownBy(
            () ->
                store.applyOperations(
                    BUGS,
                    List.of(
                        ops.insert(BUGS, UUID.randomUUID(), record("title", "a")),
                        ops.update(BUGS, missing, record("title", "b"))),
                    announced::add))
        .isInstanceOfSatisfying(
            OperationRejectedException.class,
            e -> {
              assertThat(e.index()).isEqualTo(1);
              assertThat(e.getCause()).isInstanceOf(RecordNotFoundException.class);
              assertThat(e.getMessage()).startsWith("operations[1]: no record " + missing);
            });

    assertThat(announced).isEmpty();
    assertThat(store.lastSequence(BUGS)).isZero();
    assertThat(store.count(BUGS)).isZero();
  }

  @Test
  void refusesOperationsOfAnotherCollectionOrAType() {
    assertThatThrownBy(
            () ->
                store.applyOperations(
                    BUGS,
                    List.of(ops.insert("other", UUID.randomUUID(), record("title", "a"))),
                    r -> {}))
        .isInstanceOf(OperationRejectedException.class)
        .hasMessageContaining("the operation is for collection \"other\", not \"bugs\"");
    assertThatThrownBy(
            () ->
                store.applyOperations(
                    BUGS,
                    List.of(
                        ops.operation(
                            OperationType.DROP_INDEX,
                            BUGS,
                            UUID.randomUUID(),
                            BlazeRecord.empty())),
                    r -> {}))
        .isInstanceOf(OperationRejectedException.class)
        .hasMessageContaining("operation type DROP_INDEX is not applied by the server");
    UUID id = UUID.randomUUID();
    assertThatThrownBy(
            () ->
                store.applyOperations(
                    BUGS,
                    List.of(
                        ops.insert(
                            BUGS,
                            id,
                            BlazeRecord.builder()
                                .put("id", BlazeValue.uuid(UUID.randomUUID()))
                                .build())),
                    r -> {}))
        .isInstanceOf(OperationRejectedException.class)
        .hasMessageContaining("differs from the operation's recordId " + id);
  }

  @Test
  void theServersClockObservesTheClientsCounter() {
    BlazeOperation far =
        new BlazeOperation(
            UUID.randomUUID(),
            1_000,
            ops.nodeId(),
            ops.nodeId(),
            OperationType.INSERT,
            BUGS,
            UUID.randomUUID(),
            record("title", "a"),
            FormatVersion.V1,
            List.of(),
            OperationRole.CLIENT,
            new byte[BlazeOperation.NONCE_BYTES],
            0,
            null);

    store.applyOperations(BUGS, List.of(far), r -> {});

    ChangeEvent logged = ((ChangesPage) store.readChanges(BUGS, 0, 10)).events().get(0);
    assertThat(logged.operation().lamportCounter()).isGreaterThan(1_000);
  }

  private static BlazeRecord record(String field, String value) {
    return BlazeRecord.builder().put(field, BlazeValue.string(value)).build();
  }
}

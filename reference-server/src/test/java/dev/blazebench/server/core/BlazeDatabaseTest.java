package dev.blazebench.server.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.query.InvalidQueryException;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.workload.BugWorkload;
import dev.blazebench.server.store.BlazeStore;
import dev.blazebench.server.store.RecordNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlazeDatabaseTest {

  @TempDir Path dir;
  private BlazeStore store;
  private BlazeDatabase database;

  @BeforeEach
  void open() {
    store = BlazeStore.open(dir);
    database = new BlazeDatabase(store);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void fetchUpdateAndDeleteOfAMissingRecordAreNotFound() {
    UUID missing = new UUID(1, 2);
    BlazeRecord changes = BlazeRecord.builder().put("priority", BlazeValue.integer(1)).build();
    assertThatThrownBy(() -> database.fetch("bugs", missing))
        .isInstanceOf(RecordNotFoundException.class)
        .hasMessageContaining(missing.toString());
    assertThatThrownBy(() -> database.update("bugs", missing, changes))
        .isInstanceOf(RecordNotFoundException.class);
    assertThatThrownBy(() -> database.delete("bugs", missing))
        .isInstanceOf(RecordNotFoundException.class);
  }

  @Test
  void streamHandsOutBatchesOfAtMostTheBatchSizeInQueryOrder() {
    List<BlazeRecord> bugs = BugWorkload.bugs(BugWorkload.DEFAULT_SEED, 0, 2_345);
    database.insertMany("bugs", bugs);
    List<Integer> sizes = new ArrayList<>();
    List<BlazeRecord> streamed = new ArrayList<>();
    try (RecordBatches batches = database.stream("bugs", Query.all(), 1_000)) {
      while (batches.hasNext()) {
        List<BlazeRecord> batch = batches.next();
        sizes.add(batch.size());
        streamed.addAll(batch);
      }
      assertThat(batches.recordCount()).isEqualTo(2_345);
    }
    assertThat(sizes).containsExactly(1_000, 1_000, 345);
    assertThat(streamed).isEqualTo(database.query("bugs", Query.all()));
    assertThat(database.count("bugs")).isEqualTo(2_345);
  }

  @Test
  void aClosedStreamHasNoMoreBatches() {
    database.insertMany("bugs", BugWorkload.bugs(BugWorkload.DEFAULT_SEED, 0, 30));
    RecordBatches batches = database.stream("bugs", Query.all(), 10);
    batches.next();
    batches.close();
    assertThat(batches.hasNext()).isFalse();
  }

  @Test
  void streamChecksTheQueryAndBatchSizeBeforeTheFirstBatch() {
    Query aggregation = Query.builder().groupBy("status").build();
    assertThatThrownBy(() -> database.stream("bugs", aggregation, 10))
        .isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(() -> database.stream("bugs", Query.all(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("batchSize must be at least 1, was 0");
  }
}

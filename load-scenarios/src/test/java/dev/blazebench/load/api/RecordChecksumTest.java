package dev.blazebench.load.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.json.RecordJson;
import dev.blazebench.protocol.workload.BugWorkload;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordChecksumTest {

  private static final List<BlazeRecord> BUGS = BugWorkload.bugs(BugWorkload.DEFAULT_SEED, 0, 1000);

  @Test
  void recordsDecodedFromJsonHashAsTheOriginals() {
    for (BlazeRecord bug : BUGS) {
      BlazeRecord fromJson = RecordJson.readRecord(RecordJson.toJsonBytes(bug));
      assertThat(RecordChecksum.ofRecord(fromJson)).isEqualTo(RecordChecksum.ofRecord(bug));
    }
    List<BlazeRecord> fromJson = RecordJson.readRecords(RecordJson.toJsonBytes(BUGS));
    assertThat(new BlazeRecords(fromJson).checksum()).isEqualTo(new BlazeRecords(BUGS).checksum());
  }

  @Test
  void theHashOfARecordDoesNotDependOnItsFieldOrderButOnEveryValue() {
    BlazeRecord bug = BUGS.get(0);
    BlazeRecord.Builder reversed = BlazeRecord.builder();
    for (int i = bug.size() - 1; i >= 0; i--) {
      reversed.put(bug.nameAt(i), bug.valueAt(i));
    }
    assertThat(RecordChecksum.ofRecord(reversed.build())).isEqualTo(RecordChecksum.ofRecord(bug));

    for (int i = 0; i < bug.size(); i++) {
      BlazeRecord changed = bug.toBuilder().put(bug.nameAt(i), BlazeValue.string("x")).build();
      assertThat(RecordChecksum.ofRecord(changed))
          .as("changing %s", bug.nameAt(i))
          .isNotEqualTo(RecordChecksum.ofRecord(bug));
    }
    assertThat(RecordChecksum.ofRecord(bug.toBuilder().remove("assignee").build()))
        .isNotEqualTo(RecordChecksum.ofRecord(bug));
  }

  @Test
  void theChecksumOfAListDependsOnOrderAndCountAndAddsUpBatchByBatch() {
    List<BlazeRecord> swapped = new ArrayList<>(BUGS);
    swapped.set(0, BUGS.get(1));
    swapped.set(1, BUGS.get(0));
    long whole = new BlazeRecords(BUGS).checksum();
    assertThat(new BlazeRecords(swapped).checksum()).isNotEqualTo(whole);
    assertThat(new BlazeRecords(BUGS.subList(0, 999)).checksum()).isNotEqualTo(whole);

    RecordChecksum.Accumulator batches = new RecordChecksum.Accumulator();
    for (int from = 0; from < BUGS.size(); from += 7) {
      for (BlazeRecord bug : BUGS.subList(from, Math.min(from + 7, BUGS.size()))) {
        batches.add(RecordChecksum.ofRecord(bug));
      }
    }
    assertThat(batches.value()).isEqualTo(whole);
    assertThat(batches.count()).isEqualTo(1000);
    assertThat(Records.NONE.checksum()).isEqualTo(new BlazeRecords(List.of()).checksum());
  }
}

package dev.blazebench.load.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.load.api.BlazeRecords;
import dev.blazebench.load.api.RecordChecksum;
import dev.blazebench.protocol.bugs.Bug;
import dev.blazebench.protocol.bugs.BugMapping;
import dev.blazebench.protocol.workload.BugFields;
import dev.blazebench.protocol.workload.BugWorkload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BugChecksumTest {

  @Test
  void aBugHashesAsTheRecordItStandsFor() {
    List<BlazeRecord> records = BugWorkload.bugs(BugWorkload.DEFAULT_SEED, 0, 2000);
    List<Bug> bugs = new ArrayList<>();
    for (BlazeRecord record : records) {
      Bug bug = BugMapping.fromRecord(record);
      bugs.add(bug);
      assertThat(BugChecksum.of(bug)).isEqualTo(RecordChecksum.ofRecord(record));
    }
    assertThat(new BugRecords(bugs).checksum()).isEqualTo(new BlazeRecords(records).checksum());
  }

  @Test
  void updatedAtAndMissingFieldsFollowTheMappingsRules() {
    BlazeRecord record =
        BugWorkload.bug(BugWorkload.DEFAULT_SEED, 3).toBuilder()
            .put(BugFields.UPDATED_AT, BlazeValue.date(Instant.parse("2025-11-14T10:30:00.123Z")))
            .remove(BugFields.ASSIGNEE)
            .put(BugFields.TAGS, BlazeValue.array(List.of()))
            .build();
    Bug bug = BugMapping.fromRecord(record);
    assertThat(BugChecksum.of(bug)).isEqualTo(RecordChecksum.ofRecord(record));
    assertThat(BugChecksum.of(bug)).isEqualTo(RecordChecksum.ofRecord(BugMapping.toRecord(bug)));
  }

  @Test
  void fieldsReadFromABugAreTheRecordsValues() {
    BlazeRecord record = BugWorkload.bug(BugWorkload.DEFAULT_SEED, 5);
    BugRecords bugs = new BugRecords(List.of(BugMapping.fromRecord(record)));
    for (int i = 0; i < record.size(); i++) {
      assertThat(bugs.field(0, record.nameAt(i))).as(record.nameAt(i)).isEqualTo(record.valueAt(i));
    }
    assertThat(bugs.field(0, BugFields.UPDATED_AT)).isNull();
    assertThat(bugs.field(0, "nosuchfield")).isNull();
  }
}

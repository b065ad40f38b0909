package dev.blazebench.codec;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.protocol.workload.BugFields;
import java.util.List;

/** Converts workload records to {@link Bug} POJOs and checksums them; never timed. */
final class BugPojos {

  private BugPojos() {}

  static Bug of(BlazeRecord record) {
    Bug bug = new Bug();
    bug.setId(BugRecords.id(record));
    bug.setTitle(BugRecords.string(record, BugFields.TITLE));
    bug.setDescription(BugRecords.string(record, BugFields.DESCRIPTION));
    bug.setPriority(BugRecords.priority(record));
    bug.setStatus(BugRecords.string(record, BugFields.STATUS));
    bug.setCreatedAt(BugRecords.createdAt(record));
    bug.setAssignee(BugRecords.string(record, BugFields.ASSIGNEE));
    bug.setTags(BugRecords.tags(record));
    return bug;
  }

  static List<Bug> of(List<BlazeRecord> records) {
    return records.stream().map(BugPojos::of).toList();
  }

  static void addTo(Checksum.Builder checksum, Bug bug) {
    checksum.add(
        bug.getId(),
        bug.getTitle(),
        bug.getDescription(),
        bug.getPriority(),
        bug.getStatus(),
        bug.getCreatedAt().toEpochMilli(),
        bug.getAssignee(),
        bug.getTags());
  }

  static void addTo(Checksum.Builder checksum, List<Bug> bugs) {
    for (Bug bug : bugs) {
      addTo(checksum, bug);
    }
  }
}

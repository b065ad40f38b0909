package dev.blazebench.load.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.load.api.RecordChecksum;
import dev.blazebench.protocol.bugs.Bug;
import dev.blazebench.protocol.bugs.Status;
import dev.blazebench.protocol.workload.BugFields;
import java.nio.ByteBuffer;

/**
 * {@link RecordChecksum}'s hash of a Protobuf {@code Bug}, read straight from the message's getters
 * as a Protobuf user would read it: equal to the hash of the record {@code
 * BugMapping.toRecord(bug)} stands for, without building that record. Follows BugMapping's rules
 * for what is absent (empty strings, priority 0, STATUS_UNSPECIFIED, unset timestamps; tags always
 * present).
 */
final class BugChecksum {

  private BugChecksum() {}

  static long of(Bug bug) {
    long fields = 0;
    int count = 0;
    ByteString id = bug.getId();
    if (!id.isEmpty()) {
      ByteBuffer bytes = id.asReadOnlyByteBuffer();
      fields +=
          RecordChecksum.field(
              BugFields.ID, RecordChecksum.uuid(bytes.getLong(0), bytes.getLong(8)));
      count++;
    }
    String title = bug.getTitle();
    if (!title.isEmpty()) {
      fields += RecordChecksum.field(BugFields.TITLE, RecordChecksum.string(title));
      count++;
    }
    String description = bug.getDescription();
    if (!description.isEmpty()) {
      fields += RecordChecksum.field(BugFields.DESCRIPTION, RecordChecksum.string(description));
      count++;
    }
    if (bug.getPriority() != 0) {
      fields += RecordChecksum.field(BugFields.PRIORITY, RecordChecksum.integer(bug.getPriority()));
      count++;
    }
    if (bug.getStatus() != Status.STATUS_UNSPECIFIED) {
      fields +=
          RecordChecksum.field(
              BugFields.STATUS, RecordChecksum.string(statusName(bug.getStatus())));
      count++;
    }
    if (bug.hasCreatedAt()) {
      fields +=
          RecordChecksum.field(
              BugFields.CREATED_AT, RecordChecksum.dateBits(dateBits(bug.getCreatedAt())));
      count++;
    }
    if (bug.hasUpdatedAt()) {
      fields +=
          RecordChecksum.field(
              BugFields.UPDATED_AT, RecordChecksum.dateBits(dateBits(bug.getUpdatedAt())));
      count++;
    }
    String assignee = bug.getAssignee();
    if (!assignee.isEmpty()) {
      fields += RecordChecksum.field(BugFields.ASSIGNEE, RecordChecksum.string(assignee));
      count++;
    }
    long tags = RecordChecksum.arrayStart();
    for (int i = 0; i < bug.getTagsCount(); i++) {
      tags = RecordChecksum.arrayItem(tags, RecordChecksum.string(bug.getTags(i)));
    }
    fields += RecordChecksum.field(BugFields.TAGS, RecordChecksum.mix(tags));
    count++;
    return RecordChecksum.record(fields, count);
  }

  /** The record's status text, as BugMapping maps it. */
  static String statusName(Status status) {
    return switch (status) {
      case STATUS_OPEN -> BugFields.STATUS_OPEN;
      case STATUS_IN_PROGRESS -> BugFields.STATUS_IN_PROGRESS;
      case STATUS_CLOSED -> BugFields.STATUS_CLOSED;
      default -> throw new IllegalStateException("a bug with status " + status);
    };
  }

  /**
   * The bits of the BlazeBinary date (a double of seconds since 2001) a Timestamp maps to, as
   * {@code BlazeValue.date(Instant)} computes them.
   */
  static long dateBits(Timestamp timestamp) {
    double seconds =
        (timestamp.getSeconds() - BlazeValue.REFERENCE_DATE_UNIX_SECONDS)
            + timestamp.getNanos() / 1e9;
    return Double.doubleToRawLongBits(seconds);
  }
}

package dev.blazebench.load.grpc;

import dev.blazebench.binary.BlazeValue;
import dev.blazebench.load.api.Records;
import dev.blazebench.protocol.UuidBytes;
import dev.blazebench.protocol.bugs.Bug;
import dev.blazebench.protocol.bugs.BugMapping;
import dev.blazebench.protocol.workload.BugFields;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Records} held as the generated Protobuf {@code Bug} messages, as a Protobuf user holds
 * them: hashed and read through the message's getters, never turned into BlazeRecords.
 */
final class BugRecords implements Records {

  private static final BlazeValue OPEN = BlazeValue.string(BugFields.STATUS_OPEN);
  private static final BlazeValue IN_PROGRESS = BlazeValue.string(BugFields.STATUS_IN_PROGRESS);
  private static final BlazeValue CLOSED = BlazeValue.string(BugFields.STATUS_CLOSED);

  private final List<Bug> bugs;

  BugRecords(List<Bug> bugs) {
    this.bugs = bugs;
  }

  @Override
  public int size() {
    return bugs.size();
  }

  @Override
  public long recordHash(int index) {
    return BugChecksum.of(bugs.get(index));
  }

  @Override
  public BlazeValue field(int index, String name) {
    Bug bug = bugs.get(index);
    return switch (name) {
      case BugFields.ID ->
          bug.getId().isEmpty() ? null : BlazeValue.uuid(UuidBytes.fromByteString(bug.getId()));
      case BugFields.TITLE -> text(bug.getTitle());
      case BugFields.DESCRIPTION -> text(bug.getDescription());
      case BugFields.ASSIGNEE -> text(bug.getAssignee());
      case BugFields.PRIORITY ->
          bug.getPriority() == 0 ? null : BlazeValue.integer(bug.getPriority());
      case BugFields.STATUS ->
          switch (bug.getStatus()) {
            case STATUS_OPEN -> OPEN;
            case STATUS_IN_PROGRESS -> IN_PROGRESS;
            case STATUS_CLOSED -> CLOSED;
            default -> null;
          };
      case BugFields.CREATED_AT ->
          bug.hasCreatedAt() ? BugMapping.date(bug.getCreatedAt(), "Bug.created_at") : null;
      case BugFields.UPDATED_AT ->
          bug.hasUpdatedAt() ? BugMapping.date(bug.getUpdatedAt(), "Bug.updated_at") : null;
      case BugFields.TAGS -> {
        List<BlazeValue> tags = new ArrayList<>(bug.getTagsCount());
        for (String tag : bug.getTagsList()) {
          tags.add(BlazeValue.string(tag));
        }
        yield BlazeValue.array(tags);
      }
      default -> null;
    };
  }

  private static BlazeValue text(String value) {
    return value.isEmpty() ? null : BlazeValue.string(value);
  }
}

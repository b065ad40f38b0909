package dev.blazebench.protocol.bugs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.UuidBytes;
import dev.blazebench.protocol.workload.BugWorkload;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BugMappingTest {

  @Test
  void everyWorkloadRecordRoundTripsThroughProtobufBytes() throws InvalidProtocolBufferException {
    for (BlazeRecord record : BugWorkload.bugs(BugWorkload.DEFAULT_SEED, 0, 5_000)) {
      Bug bug = Bug.parseFrom(BugMapping.fromRecord(record).toByteArray());
      assertThat(BugMapping.toRecord(bug)).isEqualTo(record);
    }
  }

  @Test
  void recordsToInsertRoundTripWithoutIdOrCreatedAt() {
    for (BlazeRecord record : BugWorkload.newBugs(BugWorkload.DEFAULT_SEED, 0, 500)) {
      Bug bug = BugMapping.fromRecord(record);
      assertThat(bug.getId().isEmpty()).isTrue();
      assertThat(bug.hasCreatedAt()).isFalse();
      assertThat(BugMapping.toRecord(bug)).isEqualTo(record);
    }
  }

  @Test
  void mapsEveryTypedField() {
    UUID id = UUID.fromString("550e8400-e29b-41d4-a716-446655440000");
    Bug bug =
        Bug.newBuilder()
            .setId(UuidBytes.toByteString(id))
            .setTitle("Fix login bug")
            .setDescription("Users can't login")
            .setPriority(5)
            .setStatus(Status.STATUS_IN_PROGRESS)
            .setCreatedAt(Timestamp.newBuilder().setSeconds(1_763_116_200L).setNanos(123_000_000))
            .setUpdatedAt(Timestamp.newBuilder().setSeconds(1_763_116_201L))
            .setAssignee("ana.silva")
            .addTags("auth")
            .addTags("ios")
            .build();
    BlazeRecord expected =
        BlazeRecord.builder()
            .put("id", BlazeValue.uuid(id))
            .put("title", BlazeValue.string("Fix login bug"))
            .put("description", BlazeValue.string("Users can't login"))
            .put("priority", BlazeValue.integer(5))
            .put("status", BlazeValue.string("in_progress"))
            .put("createdAt", BlazeValue.date(Instant.parse("2025-11-14T10:30:00.123Z")))
            .put("updatedAt", BlazeValue.date(Instant.parse("2025-11-14T10:30:01Z")))
            .put("assignee", BlazeValue.string("ana.silva"))
            .put(
                "tags",
                BlazeValue.array(List.of(BlazeValue.string("auth"), BlazeValue.string("ios"))))
            .build();
    assertThat(BugMapping.toRecord(bug)).isEqualTo(expected);
    assertThat(BugMapping.fromRecord(expected)).isEqualTo(bug);
  }

  @Test
  void protoDefaultsMeanAbsentAndTagsAreAlwaysWritten() {
    assertThat(BugMapping.toRecord(Bug.getDefaultInstance()))
        .isEqualTo(BlazeRecord.builder().put("tags", BlazeValue.array(List.of())).build());
    BlazeRecord withNulls =
        BlazeRecord.builder()
            .put("title", BlazeValue.nullValue())
            .put("priority", BlazeValue.nullValue())
            .build();
    assertThat(BugMapping.fromRecord(withNulls)).isEqualTo(Bug.getDefaultInstance());
  }

  @Test
  void timestampsKeepTheirMillisecondsExactly() {
    Timestamp timestamp =
        Timestamp.newBuilder().setSeconds(1_735_689_600L).setNanos(1_000_000).build();
    BlazeValue.DateValue date = BugMapping.date(timestamp, "t");
    assertThat(BugMapping.timestamp(date)).isEqualTo(timestamp);
    assertThat(date).isEqualTo(BlazeValue.date(Instant.parse("2025-01-01T00:00:00.001Z")));
  }

  @Test
  void rejectsWhatABugCannotCarry() {
    assertThatThrownBy(() -> BugMapping.fromRecord(record("severity", BlazeValue.integer(1))))
        .isInstanceOf(BugMappingException.class)
        .hasMessage("field \"severity\" (int) has no place in a Bug");
    assertThatThrownBy(() -> BugMapping.fromRecord(record("priority", BlazeValue.string("high"))))
        .isInstanceOf(BugMappingException.class)
        .hasMessage("priority: expected an int, was string");
    assertThatThrownBy(
            () -> BugMapping.fromRecord(record("priority", BlazeValue.integer(1L << 40))))
        .isInstanceOf(BugMappingException.class)
        .hasMessage("priority: 1099511627776 does not fit in 32 bits");
    assertThatThrownBy(() -> BugMapping.fromRecord(record("status", BlazeValue.string("reopened"))))
        .isInstanceOf(BugMappingException.class)
        .hasMessage("status: \"reopened\" is not a status (expected [open, in_progress, closed])");
    assertThatThrownBy(
            () ->
                BugMapping.fromRecord(
                    record("tags", BlazeValue.array(List.of(BlazeValue.integer(1))))))
        .isInstanceOf(BugMappingException.class)
        .hasMessage("tags[0]: expected a string, was int");
    assertThatThrownBy(
            () ->
                BugMapping.toRecord(
                    Bug.newBuilder().setId(ByteString.copyFrom(new byte[15])).build()))
        .isInstanceOf(BugMappingException.class)
        .hasMessage("Bug.id: an id is 16 bytes, was 15");
    assertThatThrownBy(() -> BugMapping.toRecord(Bug.newBuilder().setStatusValue(9).build()))
        .isInstanceOf(BugMappingException.class)
        .hasMessageStartingWith("Bug.status: no status value for UNRECOGNIZED");
    assertThatThrownBy(
            () ->
                BugMapping.toRecord(
                    Bug.newBuilder().setCreatedAt(Timestamp.newBuilder().setNanos(-1)).build()))
        .isInstanceOf(BugMappingException.class)
        .hasMessage("Bug.created_at: nanos must be 0..999999999, was -1");
  }

  @Test
  void patchesBecomeChangesWithNullForRemovedFields() {
    BugPatch patch =
        BugPatch.newBuilder()
            .setStatus(Status.STATUS_CLOSED)
            .setPriority(1)
            .setTags(Tags.newBuilder())
            .addRemove(BugField.BUG_FIELD_ASSIGNEE)
            .build();
    BlazeRecord changes =
        BlazeRecord.builder()
            .put("status", BlazeValue.string("closed"))
            .put("priority", BlazeValue.integer(1))
            .put("tags", BlazeValue.array(List.of()))
            .put("assignee", BlazeValue.nullValue())
            .build();
    assertThat(BugMapping.toChanges(patch)).isEqualTo(changes);
    assertThat(BugMapping.patchFromChanges(changes)).isEqualTo(patch);
  }

  @Test
  void patchesCannotTouchTheIdOrSetAndRemoveOneField() {
    assertThatThrownBy(
            () ->
                BugMapping.toChanges(
                    BugPatch.newBuilder().addRemove(BugField.BUG_FIELD_ID).build()))
        .isInstanceOf(BugMappingException.class)
        .hasMessage("BugPatch.remove[0]: the id cannot be removed");
    assertThatThrownBy(
            () ->
                BugMapping.toChanges(
                    BugPatch.newBuilder()
                        .setTitle("x")
                        .addRemove(BugField.BUG_FIELD_TITLE)
                        .build()))
        .isInstanceOf(BugMappingException.class)
        .hasMessage("BugPatch.remove[0]: \"title\" is already set or removed in this patch");
    assertThatThrownBy(
            () -> BugMapping.patchFromChanges(record("id", BlazeValue.uuid(UUID.randomUUID()))))
        .isInstanceOf(BugMappingException.class)
        .hasMessage("changes: the id cannot change");
    assertThatThrownBy(
            () ->
                BugMapping.toChanges(
                    BugPatch.newBuilder().addRemove(BugField.BUG_FIELD_UNSPECIFIED).build()))
        .isInstanceOf(BugMappingException.class)
        .hasMessageStartingWith("BugPatch.remove[0]: no bug field for BUG_FIELD_UNSPECIFIED");
  }

  private static BlazeRecord record(String name, BlazeValue value) {
    return BlazeRecord.of(Map.of(name, value));
  }
}

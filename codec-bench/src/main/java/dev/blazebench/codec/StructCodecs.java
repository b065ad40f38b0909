package dev.blazebench.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.protocol.workload.BugFields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Protobuf's schemaless way: a {@code google.protobuf.Struct} per bug, holding what JSON would (ids
 * and dates as text, the priority as a double), and a {@code ListValue} of them for many. Decoding
 * produces the {@link Struct} / {@link ListValue}; reading a field is still the user's work.
 */
final class StructCodecs {

  private StructCodecs() {}

  static MessageCodec<Struct> struct() {
    return new MessageCodec<>() {
      @Override
      public Struct messageOf(List<BlazeRecord> records) {
        return structOf(Messages.single(records));
      }

      @Override
      public byte[] encode(Struct message) {
        return message.toByteArray();
      }

      @Override
      public Struct decode(byte[] bytes) throws InvalidProtocolBufferException {
        return Struct.parseFrom(bytes);
      }

      @Override
      public void addTo(Checksum.Builder checksum, Struct message) {
        addStruct(checksum, message);
      }
    };
  }

  static MessageCodec<ListValue> list() {
    return new MessageCodec<>() {
      @Override
      public ListValue messageOf(List<BlazeRecord> records) {
        ListValue.Builder list = ListValue.newBuilder();
        for (BlazeRecord record : records) {
          list.addValues(Value.newBuilder().setStructValue(structOf(record)));
        }
        return list.build();
      }

      @Override
      public byte[] encode(ListValue message) {
        return message.toByteArray();
      }

      @Override
      public ListValue decode(byte[] bytes) throws InvalidProtocolBufferException {
        return ListValue.parseFrom(bytes);
      }

      @Override
      public void addTo(Checksum.Builder checksum, ListValue message) {
        for (Value value : message.getValuesList()) {
          addStruct(checksum, value.getStructValue());
        }
      }
    };
  }

  static Struct structOf(BlazeRecord record) {
    ListValue.Builder tags = ListValue.newBuilder();
    for (String tag : BugRecords.tags(record)) {
      tags.addValues(text(tag));
    }
    return Struct.newBuilder()
        .putFields(BugFields.ID, text(BugRecords.id(record).toString()))
        .putFields(BugFields.TITLE, text(BugRecords.string(record, BugFields.TITLE)))
        .putFields(BugFields.DESCRIPTION, text(BugRecords.string(record, BugFields.DESCRIPTION)))
        .putFields(
            BugFields.PRIORITY,
            Value.newBuilder().setNumberValue(BugRecords.priority(record)).build())
        .putFields(BugFields.STATUS, text(BugRecords.string(record, BugFields.STATUS)))
        .putFields(BugFields.CREATED_AT, text(BugRecords.createdAt(record).toString()))
        .putFields(BugFields.ASSIGNEE, text(BugRecords.string(record, BugFields.ASSIGNEE)))
        .putFields(BugFields.TAGS, Value.newBuilder().setListValue(tags).build())
        .build();
  }

  private static void addStruct(Checksum.Builder checksum, Struct bug) {
    List<Value> tagValues = bug.getFieldsOrThrow(BugFields.TAGS).getListValue().getValuesList();
    List<String> tags = new ArrayList<>(tagValues.size());
    for (Value tag : tagValues) {
      tags.add(tag.getStringValue());
    }
    checksum.add(
        UUID.fromString(string(bug, BugFields.ID)),
        string(bug, BugFields.TITLE),
        string(bug, BugFields.DESCRIPTION),
        (long) bug.getFieldsOrThrow(BugFields.PRIORITY).getNumberValue(),
        string(bug, BugFields.STATUS),
        Instant.parse(string(bug, BugFields.CREATED_AT)).toEpochMilli(),
        string(bug, BugFields.ASSIGNEE),
        tags);
  }

  private static String string(Struct bug, String name) {
    return bug.getFieldsOrThrow(name).getStringValue();
  }

  private static Value text(String s) {
    return Value.newBuilder().setStringValue(s).build();
  }
}

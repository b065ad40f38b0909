package dev.blazebench.protocol.nativegrpc;

import dev.blazebench.binary.BlazeBinaryDecoder;
import dev.blazebench.binary.BlazeBinaryEncoder;
import dev.blazebench.binary.BlazeBinaryException;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeSequences;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.FormatVersion;
import dev.blazebench.binary.GrowableBuffer;
import dev.blazebench.protocol.query.InvalidQueryException;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.query.QueryDocument;
import io.grpc.MethodDescriptor.Marshaller;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

/**
 * gRPC marshallers whose messages are BlazeBinary bytes, with no protobuf around them: the message
 * types of {@code blazedb.v1.BlazeDBNative}.
 *
 * <ul>
 *   <li>{@link #record}: one BlazeBinary record.
 *   <li>{@link #records}: a sequence of records (u32 BE count, then u32 BE length + record each).
 *   <li>{@link #id}: the record {@code {"id": uuid}} and nothing else (26 bytes in v1).
 *   <li>{@link #query}: a query document record, validated into a {@link Query}.
 *   <li>{@link #bytes}: any message, its bytes as they are, neither parsed nor checked.
 * </ul>
 *
 * {@code parse} decodes the whole message; malformed bytes or an invalid query throw a {@link
 * io.grpc.StatusRuntimeException} with {@code INVALID_ARGUMENT} and the decoder's message (which
 * names the problem and its byte offset). grpc-java itself does not pass that status on: a server
 * closes the call as {@code UNKNOWN}, so servers wrap their services with {@link
 * dev.blazebench.protocol.ParseFailures} (as {@link BlazeNativeService} does); a client's call
 * fails with {@code CANCELLED} whose cause is that exception.
 */
public final class BlazeMarshallers {

  private static final Marshaller<byte[]> BYTES =
      new Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new MessageStream(value, value.length);
        }

        @Override
        public byte[] parse(InputStream stream) {
          return readAll(stream);
        }
      };

  private BlazeMarshallers() {}

  /** One record, written in {@code version}, read by {@code decoder} (v1 and v2 both accepted). */
  public static Marshaller<BlazeRecord> record(FormatVersion version, BlazeBinaryDecoder decoder) {
    return new Marshaller<>() {
      @Override
      public InputStream stream(BlazeRecord value) {
        GrowableBuffer out = new GrowableBuffer(256);
        BlazeBinaryEncoder.encode(value, version, out);
        return new MessageStream(out.array(), out.size());
      }

      @Override
      public BlazeRecord parse(InputStream stream) {
        byte[] bytes = readAll(stream);
        try {
          return decoder.decode(bytes);
        } catch (BlazeBinaryException e) {
          throw invalid("malformed BlazeBinary record: " + e.getMessage(), e);
        }
      }
    };
  }

  /** A sequence of records. */
  public static Marshaller<List<BlazeRecord>> records(
      FormatVersion version, BlazeBinaryDecoder decoder) {
    return new Marshaller<>() {
      @Override
      public InputStream stream(List<BlazeRecord> value) {
        GrowableBuffer out = new GrowableBuffer(256 * Math.max(1, value.size()));
        BlazeSequences.encodeRecords(value, version, out);
        return new MessageStream(out.array(), out.size());
      }

      @Override
      public List<BlazeRecord> parse(InputStream stream) {
        byte[] bytes = readAll(stream);
        try {
          return BlazeSequences.decodeRecords(bytes, 0, bytes.length, decoder);
        } catch (BlazeBinaryException e) {
          throw invalid("malformed BlazeBinary record sequence: " + e.getMessage(), e);
        }
      }
    };
  }

  /** An id: the record {@code {"id": uuid}} with no other field. */
  public static Marshaller<UUID> id(FormatVersion version, BlazeBinaryDecoder decoder) {
    Marshaller<BlazeRecord> record = record(version, decoder);
    return new Marshaller<>() {
      @Override
      public InputStream stream(UUID value) {
        return record.stream(BlazeRecord.builder().put("id", BlazeValue.uuid(value)).build());
      }

      @Override
      public UUID parse(InputStream stream) {
        BlazeRecord message = record.parse(stream);
        if (message.size() != 1 || !(message.get("id") instanceof BlazeValue.UuidValue id)) {
          throw invalid(
              "expected the record {\"id\": uuid} and nothing else, was " + describe(message),
              null);
        }
        return id.value();
      }
    };
  }

  /** A query document, validated by {@link QueryDocument#fromRecord}. */
  public static Marshaller<Query> query(FormatVersion version, BlazeBinaryDecoder decoder) {
    Marshaller<BlazeRecord> record = record(version, decoder);
    return new Marshaller<>() {
      @Override
      public InputStream stream(Query value) {
        return record.stream(QueryDocument.toRecord(value));
      }

      @Override
      public Query parse(InputStream stream) {
        BlazeRecord document = record.parse(stream);
        try {
          return QueryDocument.fromRecord(document);
        } catch (InvalidQueryException e) {
          throw invalid("invalid query: " + e.getMessage(), e);
        }
      }
    };
  }

  /**
   * Any message as its bytes, unparsed: for a caller that handles the bytes itself (a load driver
   * that counts and decodes them on its own clock, a test that sends damaged ones).
   */
  public static Marshaller<byte[]> bytes() {
    return BYTES;
  }

  private static String describe(BlazeRecord message) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < message.size(); i++) {
      out.append(i == 0 ? "" : ", ")
          .append('"')
          .append(message.nameAt(i))
          .append("\": ")
          .append(message.valueAt(i).typeName());
    }
    return out.append('}').toString();
  }

  private static byte[] readAll(InputStream stream) {
    try {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw Status.INTERNAL
          .withDescription("could not read the message: " + e.getMessage())
          .withCause(e)
          .asRuntimeException();
    }
  }

  private static RuntimeException invalid(String description, Throwable cause) {
    return Status.INVALID_ARGUMENT
        .withDescription(description)
        .withCause(cause)
        .asRuntimeException();
  }
}

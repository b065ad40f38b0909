package dev.blazebench.server.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import dev.blazebench.binary.BlazeBinaryDecoder;
import dev.blazebench.binary.BlazeBinaryEncoder;
import dev.blazebench.binary.BlazeBinaryException;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeSequences;
import dev.blazebench.binary.FormatVersion;
import dev.blazebench.binary.GrowableBuffer;
import dev.blazebench.protocol.UuidBytes;
import dev.blazebench.protocol.nativegrpc.NativeHeaders;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.query.QueryDocument;
import dev.blazebench.server.core.InvalidRequestException;
import java.util.List;
import java.util.UUID;

/**
 * The BlazeBinary payloads inside {@code blazedb.v1.BlazeDBService}'s protobuf messages: decoding
 * request fields with errors that name the field, and encoding responses.
 *
 * <p>Encoding is the native service's ({@code BlazeMarshallers}): the record or sequence is written
 * in v1 into a {@link GrowableBuffer} sized like the native marshaller's, and the buffer's array is
 * wrapped as a {@link ByteString} without a copy; protobuf then copies it once into the frame, as
 * the native marshaller's drain does. Decoding uses the same default decoder limits as the native
 * marshallers. So the wrapped and native APIs differ only by the protobuf wrapper.
 */
final class BlazePayloads {

  /** The version responses are written in (BlazeDB's default; clients read v1 and v2). */
  static final FormatVersion WRITE_VERSION = FormatVersion.V1;

  private final BlazeBinaryDecoder decoder = BlazeBinaryDecoder.withDefaults();

  /** The record in field {@code field}. */
  BlazeRecord record(ByteString bytes, String field) {
    try {
      return decoder.decode(bytes.asReadOnlyByteBuffer());
    } catch (BlazeBinaryException e) {
      throw new InvalidRequestException(
          field + ": malformed BlazeBinary record: " + e.getMessage(), e);
    }
  }

  /** The record sequence in field {@code field}. */
  List<BlazeRecord> records(ByteString bytes, String field) {
    try {
      return BlazeSequences.decodeRecords(bytes.asReadOnlyByteBuffer(), decoder);
    } catch (BlazeBinaryException e) {
      throw new InvalidRequestException(
          field + ": malformed BlazeBinary record sequence: " + e.getMessage(), e);
    }
  }

  /** The query document in field {@code field}; empty bytes are {@link Query#all()}. */
  Query query(ByteString bytes, String field) {
    if (bytes.isEmpty()) {
      return Query.all();
    }
    // An InvalidQueryException names its path in the document; ApiErrors reports it.
    return QueryDocument.fromRecord(record(bytes, field));
  }

  /** The id in field {@code field}: exactly 16 bytes. */
  static UUID id(ByteString bytes, String field) {
    if (bytes.size() != UuidBytes.LENGTH) {
      throw new InvalidRequestException(
          field + ": an id is " + UuidBytes.LENGTH + " bytes, was " + bytes.size());
    }
    return UuidBytes.fromByteString(bytes);
  }

  /** The collection name in field {@code field}, which must be given. */
  static String collection(String name, String field) {
    if (name.isEmpty()) {
      throw new InvalidRequestException(field + ": missing (the collection name)");
    }
    return name;
  }

  /** Records per StreamQuery batch: {@code requested}, or the default for 0. */
  static int batchSize(int requested, String field) {
    if (requested < 0) {
      throw new InvalidRequestException(
          field + ": must be at least 1 (or 0 for the default), was " + requested);
    }
    return requested == 0 ? NativeHeaders.DEFAULT_BATCH_SIZE : requested;
  }

  static ByteString encode(BlazeRecord record) {
    GrowableBuffer out = new GrowableBuffer(256);
    BlazeBinaryEncoder.encode(record, WRITE_VERSION, out);
    return wrap(out);
  }

  static ByteString encode(List<BlazeRecord> records) {
    GrowableBuffer out = new GrowableBuffer(256 * Math.max(1, records.size()));
    BlazeSequences.encodeRecords(records, WRITE_VERSION, out);
    return wrap(out);
  }

  /** The buffer's bytes without a copy: safe, because nothing else keeps or changes the buffer. */
  private static ByteString wrap(GrowableBuffer out) {
    return UnsafeByteOperations.unsafeWrap(out.array(), 0, out.size());
  }
}

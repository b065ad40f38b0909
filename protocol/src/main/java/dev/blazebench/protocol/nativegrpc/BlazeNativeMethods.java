package dev.blazebench.protocol.nativegrpc;

import dev.blazebench.binary.BlazeBinaryDecoder;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.FormatVersion;
import dev.blazebench.protocol.query.Query;
import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.Marshaller;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.ServiceDescriptor;
import java.util.List;
import java.util.UUID;

/**
 * The methods of {@code blazedb.v1.BlazeDBNative}: the {@code BlazeDBService} operations with
 * messages that <em>are</em> BlazeBinary (see {@link BlazeMarshallers}), so that a benchmark can
 * show what the protobuf wrapper of {@code blazedb.proto} costs. Parameters that are not data
 * travel as headers ({@link NativeHeaders}); every call needs {@value
 * NativeHeaders#COLLECTION_HEADER}.
 *
 * <pre>
 * method       request                        response
 * Insert       record                         {"id": uuid}, or the stored record (blazedb-return: record)
 * InsertMany   sequence of records            sequence: {"id": uuid} each, or the stored records
 * Fetch        {"id": uuid}                   the record (NOT_FOUND if none)
 * Update       changes record with "id": uuid the record after the update; a null removes a field
 * Delete       {"id": uuid}                   {} (NOT_FOUND if none)
 * Query        query document                 sequence of records
 * Aggregate    query document                 sequence of rows (groupBy fields and aliases)
 * StreamQuery  query document                 stream of sequences, blazedb-batch-size records each
 * Subscribe    {"fromSequence": int}          stream of updates {"first", "commitTimes", "operations"}
 * </pre>
 *
 * Subscribe's messages are described by {@link NativeUpdates}.
 *
 * <p>Servers write records in BlazeBinary v1 (BlazeDB's default); both sides read v1 and v2.
 */
public final class BlazeNativeMethods {

  /** The fully qualified service name. */
  public static final String SERVICE_NAME = "blazedb.v1.BlazeDBNative";

  /** The format messages are written in. */
  public static final FormatVersion WRITE_VERSION = FormatVersion.V1;

  private static final BlazeBinaryDecoder DECODER = BlazeBinaryDecoder.withDefaults();
  private static final Marshaller<BlazeRecord> RECORD =
      BlazeMarshallers.record(WRITE_VERSION, DECODER);
  private static final Marshaller<List<BlazeRecord>> RECORDS =
      BlazeMarshallers.records(WRITE_VERSION, DECODER);
  private static final Marshaller<UUID> ID = BlazeMarshallers.id(WRITE_VERSION, DECODER);
  private static final Marshaller<Query> QUERY = BlazeMarshallers.query(WRITE_VERSION, DECODER);

  public static final MethodDescriptor<BlazeRecord, BlazeRecord> INSERT =
      unary("Insert", RECORD, RECORD);
  public static final MethodDescriptor<List<BlazeRecord>, List<BlazeRecord>> INSERT_MANY =
      unary("InsertMany", RECORDS, RECORDS);
  public static final MethodDescriptor<UUID, BlazeRecord> FETCH = unary("Fetch", ID, RECORD);
  public static final MethodDescriptor<BlazeRecord, BlazeRecord> UPDATE =
      unary("Update", RECORD, RECORD);
  public static final MethodDescriptor<UUID, BlazeRecord> DELETE = unary("Delete", ID, RECORD);
  public static final MethodDescriptor<Query, List<BlazeRecord>> QUERY_METHOD =
      unary("Query", QUERY, RECORDS);
  public static final MethodDescriptor<Query, List<BlazeRecord>> AGGREGATE =
      unary("Aggregate", QUERY, RECORDS);
  public static final MethodDescriptor<Query, List<BlazeRecord>> STREAM_QUERY =
      MethodDescriptor.<Query, List<BlazeRecord>>newBuilder()
          .setType(MethodType.SERVER_STREAMING)
          .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE_NAME, "StreamQuery"))
          .setRequestMarshaller(QUERY)
          .setResponseMarshaller(RECORDS)
          .build();

  /** Subscribe: a request record in, a stream of update records ({@link NativeUpdates}) out. */
  public static final MethodDescriptor<BlazeRecord, BlazeRecord> SUBSCRIBE =
      MethodDescriptor.<BlazeRecord, BlazeRecord>newBuilder()
          .setType(MethodType.SERVER_STREAMING)
          .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE_NAME, "Subscribe"))
          .setRequestMarshaller(RECORD)
          .setResponseMarshaller(RECORD)
          .build();

  /** The service: every method above. */
  public static final ServiceDescriptor SERVICE =
      ServiceDescriptor.newBuilder(SERVICE_NAME)
          .addMethod(INSERT)
          .addMethod(INSERT_MANY)
          .addMethod(FETCH)
          .addMethod(UPDATE)
          .addMethod(DELETE)
          .addMethod(QUERY_METHOD)
          .addMethod(AGGREGATE)
          .addMethod(STREAM_QUERY)
          .addMethod(SUBSCRIBE)
          .build();

  private BlazeNativeMethods() {}

  private static <Q, R> MethodDescriptor<Q, R> unary(
      String name, Marshaller<Q> request, Marshaller<R> response) {
    return MethodDescriptor.<Q, R>newBuilder()
        .setType(MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE_NAME, name))
        .setRequestMarshaller(request)
        .setResponseMarshaller(response)
        .build();
  }
}

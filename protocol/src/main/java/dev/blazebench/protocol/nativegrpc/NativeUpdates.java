package dev.blazebench.protocol.nativegrpc;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import io.grpc.Status;
import java.nio.ByteBuffer;

/**
 * The messages of {@code blazedb.v1.BlazeDBNative/Subscribe}, both BlazeBinary records (the
 * collection travels in the {@value NativeHeaders#COLLECTION_HEADER} header, as on every native
 * call):
 *
 * <pre>
 * request  {"fromSequence": int}                changes after it; 0 = every change still kept
 *          {"fromLatest": true}                 only changes committed from now on
 * update   {"first": int,                       sequence of the first operation; the i-th is first + i
 *           "commitTimes": data,                8 bytes (i64 BE) per operation: commit time, µs since 1970Z
 *           "operations": data}                 a BlazeBinary sequence of BlazeOperations
 * </pre>
 *
 * An update costs its operations plus about 50 bytes and 8 per operation; the ends are the same
 * statuses and trailers as {@code blazedb.v1.BlazeDBService/Subscribe} (see {@code blazedb.proto}).
 */
public final class NativeUpdates {

  public static final String FROM_SEQUENCE = "fromSequence";
  public static final String FROM_LATEST = "fromLatest";
  public static final String FIRST = "first";
  public static final String COMMIT_TIMES = "commitTimes";
  public static final String OPERATIONS = "operations";

  private NativeUpdates() {}

  /** A Subscribe request: after {@code fromSequence}, or from now on when {@code fromLatest}. */
  public static BlazeRecord request(long fromSequence, boolean fromLatest) {
    BlazeRecord.Builder request = BlazeRecord.builder();
    if (fromLatest) {
      request.put(FROM_LATEST, BlazeValue.bool(true));
    } else {
      request.put(FROM_SEQUENCE, BlazeValue.integer(fromSequence));
    }
    return request.build();
  }

  /** The request's {@code fromLatest} flag. */
  public static boolean fromLatest(BlazeRecord request) {
    BlazeValue value = request.get(FROM_LATEST);
    if (value == null) {
      return false;
    }
    if (value instanceof BlazeValue.BoolValue flag) {
      return flag.value();
    }
    throw invalid("\"" + FROM_LATEST + "\" must be a bool, was " + value.typeName());
  }

  /** The request's {@code fromSequence}: 0 when absent, never negative. */
  public static long fromSequence(BlazeRecord request) {
    BlazeValue value = request.get(FROM_SEQUENCE);
    if (value == null) {
      return 0;
    }
    if (value instanceof BlazeValue.IntValue sequence && sequence.value() >= 0) {
      return sequence.value();
    }
    throw invalid("\"" + FROM_SEQUENCE + "\" must be an int of at least 0, was " + describe(value));
  }

  /**
   * One update: operations {@code firstSequence}, {@code firstSequence + 1}, ... with their commit
   * times and their BlazeBinary sequence bytes.
   */
  public static BlazeRecord update(
      long firstSequence, long[] commitTimesMicros, byte[] operationSequence) {
    ByteBuffer times = ByteBuffer.allocate(commitTimesMicros.length * Long.BYTES);
    for (long micros : commitTimesMicros) {
      times.putLong(micros);
    }
    return BlazeRecord.builder()
        .put(FIRST, BlazeValue.integer(firstSequence))
        .put(COMMIT_TIMES, BlazeValue.data(times.array()))
        .put(OPERATIONS, BlazeValue.data(operationSequence))
        .build();
  }

  /** The update's first sequence. */
  public static long first(BlazeRecord update) {
    if (update.get(FIRST) instanceof BlazeValue.IntValue first) {
      return first.value();
    }
    throw invalid("update: missing int \"" + FIRST + "\"");
  }

  /** The update's commit times, one per operation. */
  public static long[] commitTimesMicros(BlazeRecord update) {
    byte[] bytes = data(update, COMMIT_TIMES);
    if (bytes.length % Long.BYTES != 0) {
      throw invalid("update: \"" + COMMIT_TIMES + "\" is not a whole number of 8-byte times");
    }
    long[] times = new long[bytes.length / Long.BYTES];
    ByteBuffer in = ByteBuffer.wrap(bytes);
    for (int i = 0; i < times.length; i++) {
      times[i] = in.getLong();
    }
    return times;
  }

  /** The update's BlazeBinary operation sequence. */
  public static byte[] operations(BlazeRecord update) {
    return data(update, OPERATIONS);
  }

  private static byte[] data(BlazeRecord update, String field) {
    if (update.get(field) instanceof BlazeValue.DataValue data) {
      return data.bytes();
    }
    throw invalid("update: missing data \"" + field + "\"");
  }

  private static String describe(BlazeValue value) {
    return value instanceof BlazeValue.IntValue i ? Long.toString(i.value()) : value.typeName();
  }

  private static RuntimeException invalid(String description) {
    return Status.INVALID_ARGUMENT.withDescription(description).asRuntimeException();
  }
}

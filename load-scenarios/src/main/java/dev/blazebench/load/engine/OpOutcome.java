package dev.blazebench.load.engine;

/**
 * What one call to the system under test came to: success (the answer decoded and passed the
 * scenario's check) or a failure of one {@link ErrorClass}, with the payload bytes each way.
 *
 * <p>A client returns {@link #ok} only after decoding the whole answer and checking it (a record
 * count, a checksum); otherwise {@link #failed}.
 *
 * @param errorClass null on success
 * @param statusCode the server's status code for {@link ErrorClass#STATUS} (gRPC code number or
 *     HTTP status), otherwise -1
 * @param payloadBytesSent bytes of the request's payload (the encoded message, before framing)
 * @param payloadBytesReceived bytes of the answer's payload
 * @param recordsReceived records (or rows) the answer held, for records-per-second figures; 0 for
 *     answers that hold none
 * @param detail what went wrong, for the first failures' log; null on success
 */
public record OpOutcome(
    ErrorClass errorClass,
    int statusCode,
    long payloadBytesSent,
    long payloadBytesReceived,
    long recordsReceived,
    String detail) {

  public OpOutcome {
    if (errorClass == ErrorClass.STATUS ? statusCode < 0 : statusCode != -1) {
      throw new IllegalArgumentException(
          "statusCode is set exactly for STATUS failures; was "
              + statusCode
              + " for "
              + errorClass);
    }
    if (payloadBytesSent < 0 || payloadBytesReceived < 0 || recordsReceived < 0) {
      throw new IllegalArgumentException(
          "payload bytes and records must not be negative, were "
              + payloadBytesSent
              + ", "
              + payloadBytesReceived
              + ", "
              + recordsReceived);
    }
  }

  /** A success whose answer was decoded and checked. */
  public static OpOutcome ok(long payloadBytesSent, long payloadBytesReceived) {
    return new OpOutcome(null, -1, payloadBytesSent, payloadBytesReceived, 0, null);
  }

  /** A failure of {@code errorClass} (not STATUS: use {@link #status}). */
  public static OpOutcome failed(ErrorClass errorClass, String detail) {
    if (errorClass == null || errorClass == ErrorClass.STATUS) {
      throw new IllegalArgumentException("use OpOutcome.status(code, detail) for STATUS failures");
    }
    return new OpOutcome(errorClass, -1, 0, 0, 0, detail);
  }

  /** The server answered with error status {@code code}. */
  public static OpOutcome status(int code, String detail) {
    return new OpOutcome(ErrorClass.STATUS, code, 0, 0, 0, detail);
  }

  /**
   * The check of an answer: success if {@code matched}, else a {@link ErrorClass#VALIDATION}
   * failure saying {@code mismatch}. Payload bytes are kept either way.
   */
  public static OpOutcome checked(
      boolean matched, String mismatch, long payloadBytesSent, long payloadBytesReceived) {
    if (matched) {
      return ok(payloadBytesSent, payloadBytesReceived);
    }
    return new OpOutcome(
        ErrorClass.VALIDATION, -1, payloadBytesSent, payloadBytesReceived, 0, mismatch);
  }

  /** This outcome, saying the answer held {@code records} records (or rows). */
  public OpOutcome withRecords(long records) {
    return new OpOutcome(
        errorClass, statusCode, payloadBytesSent, payloadBytesReceived, records, detail);
  }

  public boolean isOk() {
    return errorClass == null;
  }
}

package dev.blazebench.load.engine;

/**
 * Why an operation failed. Failures are counted per class and kept out of the success histograms,
 * so a broken path can never look fast.
 */
public enum ErrorClass {
  /** No connection: refused, reset, unreachable, or the transport gave up (gRPC UNAVAILABLE). */
  CONNECT,
  /** The per-call deadline passed, or the call was still running when the run's drain ended. */
  DEADLINE,
  /** The server answered with an error status; the code is counted too (gRPC code, HTTP status). */
  STATUS,
  /** The answer arrived but could not be decoded. */
  DECODE,
  /** The answer decoded but was wrong: a record count or checksum that does not match. */
  VALIDATION,
  /** Anything else, such as an exception inside the client. */
  OTHER
}

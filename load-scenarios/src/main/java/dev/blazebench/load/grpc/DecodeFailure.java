package dev.blazebench.load.grpc;

/** An answer arrived but did not decode; classified as DECODE. */
final class DecodeFailure extends RuntimeException {

  DecodeFailure(String operation, Throwable cause) {
    super(operation + ": the answer did not decode: " + cause.getMessage(), cause);
  }
}

package dev.blazebench.load.api;

/**
 * An answer arrived but did not decode (or did not have the shape its operation promises); every
 * client's {@link LoadClient#classify} makes it a DECODE failure.
 */
public final class DecodeFailure extends RuntimeException {

  public DecodeFailure(String operation, Throwable cause) {
    super(operation + ": the answer did not decode: " + cause.getMessage(), cause);
  }

  public DecodeFailure(String operation, String problem) {
    super(operation + ": the answer did not decode: " + problem);
  }
}

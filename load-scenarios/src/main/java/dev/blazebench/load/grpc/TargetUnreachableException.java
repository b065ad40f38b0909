package dev.blazebench.load.grpc;

/** The target could not be reached before the run: the message says where and why. */
public final class TargetUnreachableException extends RuntimeException {

  public TargetUnreachableException(String message) {
    super(message);
  }
}

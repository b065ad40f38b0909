package dev.blazebench.load.api;

/** The target could not be reached before the run: the message says where and why. */
public final class TargetUnreachableException extends RuntimeException {

  public TargetUnreachableException(String message) {
    super(message);
  }
}

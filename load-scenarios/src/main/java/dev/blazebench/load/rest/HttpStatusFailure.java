package dev.blazebench.load.rest;

/**
 * The server answered with an HTTP status outside 2xx: a STATUS failure counted under that status
 * (503, the server's UNAVAILABLE, is CONNECT, as gRPC's UNAVAILABLE is).
 */
final class HttpStatusFailure extends RuntimeException {

  private final int status;

  HttpStatusFailure(String operation, int status, String body) {
    super(operation + " failed with HTTP " + status + ": " + body);
    this.status = status;
  }

  int status() {
    return status;
  }
}

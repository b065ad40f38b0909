package dev.blazebench.server.rest;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * A successful answer, built on a worker thread and sent from the event loop.
 *
 * @param status the HTTP status
 * @param body the JSON body, or null for none (204)
 * @param location the {@code Location} header of a created record, or null
 */
record Reply(int status, Buffer body, String location) {

  static Reply ok(Buffer body) {
    return new Reply(200, body, null);
  }

  static Reply created(Buffer body, String location) {
    return new Reply(201, body, location);
  }

  static Reply noContent() {
    return new Reply(204, null, null);
  }

  void send(HttpServerResponse response) {
    response.setStatusCode(status);
    if (location != null) {
      response.putHeader("Location", location);
    }
    if (body == null) {
      response.end();
    } else {
      response.putHeader("Content-Type", "application/json").end(body);
    }
  }
}

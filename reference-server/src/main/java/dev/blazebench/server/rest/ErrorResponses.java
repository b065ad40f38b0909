package dev.blazebench.server.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.blazebench.protocol.json.RecordJson;
import dev.blazebench.server.core.ApiError;
import dev.blazebench.server.core.ApiErrors;
import io.netty.handler.codec.http2.Http2Exception;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.StreamResetException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Error answers of the REST API: HTTP status plus {@code {"error": "<code>", "message": "..."}},
 * where {@code <code>} is the gRPC status name the same failure gets from the gRPC APIs ({@link
 * ApiErrors#classify}, shared with them), so a client maps every API's errors alike.
 *
 * <table>
 *   <caption>What answers with what</caption>
 *   <tr><th>failure</th><th>HTTP</th><th>error</th></tr>
 *   <tr><td>malformed JSON, invalid record, query or id</td><td>400</td><td>INVALID_ARGUMENT</td></tr>
 *   <tr><td>no such record</td><td>404</td><td>NOT_FOUND</td></tr>
 *   <tr><td>no such route</td><td>404</td><td>UNIMPLEMENTED</td></tr>
 *   <tr><td>method not allowed on the route</td><td>405</td><td>UNIMPLEMENTED</td></tr>
 *   <tr><td>id taken</td><td>409</td><td>ALREADY_EXISTS</td></tr>
 *   <tr><td>body over the limit</td><td>413</td><td>RESOURCE_EXHAUSTED</td></tr>
 *   <tr><td>a form or multipart body</td><td>415</td><td>INVALID_ARGUMENT</td></tr>
 *   <tr><td>HTTP/1.1 framing not readable (a bad chunk; the connection is closed)</td><td>400</td>
 *       <td>INVALID_ARGUMENT</td></tr>
 *   <tr><td>a transfer coding other than chunked (the connection is closed)</td><td>501</td>
 *       <td>UNIMPLEMENTED</td></tr>
 *   <tr><td>server shutting down</td><td>503</td><td>UNAVAILABLE</td></tr>
 *   <tr><td>the client gone (stream reset, connection closed): no answer, logged at FINE</td>
 *       <td></td><td></td></tr>
 *   <tr><td>anything else</td><td>500</td><td>INTERNAL</td></tr>
 * </table>
 */
final class ErrorResponses {

  private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

  private ErrorResponses() {}

  /** Answers {@code error} (any exception) with its status and JSON body. */
  static void send(HttpServerResponse response, Throwable error) {
    if (isClientGone(error)) {
      // Nobody to answer and nothing of ours failed. Not a warning: a client that resets streams
      // by the thousand (HTTP/2 "rapid reset") would otherwise have the event loop write a stack
      // trace for each, which once kept this server from accepting connections for seconds.
      LOG.log(Level.FINE, "client gone before the answer", error);
      return;
    }
    ApiError apiError = ApiErrors.classify(error);
    if (apiError.code() == ApiError.Code.INTERNAL) {
      LOG.log(Level.WARNING, "internal error: " + apiError.message(), error);
    }
    send(response, apiError.code().httpStatus(), apiError.code().name(), apiError.message());
  }

  /**
   * Closes the connection once the answer about to be sent has gone: for a request whose bytes
   * cannot be told apart from what follows it on the connection. (A {@code Connection: close}
   * header alone does not make Vert.x close it.)
   */
  static void closeAfterAnswer(RoutingContext context) {
    context.response().putHeader(HttpHeaders.CONNECTION, "close");
    context.response().endHandler(ended -> context.request().connection().close());
  }

  /**
   * Whether {@code error} is the transport telling that the client has gone: it reset the stream,
   * closed or reset the connection, or broke the HTTP/2 rules so that the connection was closed on
   * it. (The handlers here cannot throw a checked {@link IOException} themselves; the store's
   * failures are its own exceptions, and I/O inside a handler fails as {@link
   * UncheckedIOException}, which stays an internal error.)
   */
  static boolean isClientGone(Throwable error) {
    return error instanceof StreamResetException
        || error instanceof HttpClosedException
        || error instanceof Http2Exception
        || error instanceof IOException; // ClosedChannelException, "Connection reset by peer"
  }

  static void send(HttpServerResponse response, int httpStatus, String code, String message) {
    if (response.ended() || response.closed()) {
      return; // answered already, or the client has gone: nobody to tell
    }
    if (response.headWritten()) {
      // The status line is gone: all that is left is to cut the response, so the client sees an
      // incomplete body instead of a truncated one that looks whole.
      response.reset();
      return;
    }
    response
        .setStatusCode(httpStatus)
        .putHeader("Content-Type", "application/json")
        .end(Buffer.buffer(body(code, message)));
  }

  /**
   * The router's failure handler: an exception a handler failed with, or a status Vert.x Web set
   * itself (413 from the body limit, 404 when no route matches, 405 on a wrong method).
   */
  static void handleFailure(RoutingContext context, int maxBodyBytes) {
    Throwable failure = context.failure();
    int status = context.statusCode();
    if (failure instanceof HttpException http) {
      status = http.getStatusCode();
    } else if (failure != null && status >= 400 && status < 500) {
      // Vert.x Web refusing the request with a reason (no Host header on HTTP/1.1, say).
      sendForStatus(context, status, maxBodyBytes);
      return;
    } else if (failure != null && !context.request().isEnded()) {
      // Failed while the request was still being read, so before any handler of ours ran: the
      // transport refused the client's bytes (a bad chunk size, say) or the client went away.
      requestUnreadable(context, failure);
      return;
    } else if (failure != null) {
      send(context.response(), failure);
      return;
    }
    sendForStatus(context, status, maxBodyBytes);
  }

  /**
   * A request whose bytes could not be read to the end: 400, and the connection closed, since what
   * follows on it cannot be told apart from the rest of this request.
   */
  private static void requestUnreadable(RoutingContext context, Throwable failure) {
    LOG.log(Level.FINE, "request not readable", failure);
    HttpServerResponse response = context.response();
    if (isClientGone(failure) || response.ended() || response.closed()) {
      return;
    }
    closeAfterAnswer(context);
    send(
        response,
        400,
        ApiError.Code.INVALID_ARGUMENT.name(),
        "malformed HTTP request: " + failure.getMessage());
  }

  /** The JSON answer for an HTTP status Vert.x Web chose. */
  static void sendForStatus(RoutingContext context, int status, int maxBodyBytes) {
    String where = context.request().method() + " " + context.request().path();
    switch (status) {
      case 413 ->
          send(
              context.response(),
              413,
              ApiError.Code.RESOURCE_EXHAUSTED.name(),
              maxBodyBytes == 0
                  ? where + " takes no request body"
                  : "request body larger than the server's limit of " + maxBodyBytes + " bytes");
      case 404 -> send(context.response(), 404, "UNIMPLEMENTED", "no route for " + where);
      case 405 -> send(context.response(), 405, "UNIMPLEMENTED", "method not allowed for " + where);
      case 400 -> {
        Throwable reason = context.failure();
        String why =
            reason == null || reason.getMessage() == null ? "" : ": " + reason.getMessage();
        send(context.response(), 400, "INVALID_ARGUMENT", "bad request: " + where + why);
      }
      default -> {
        int code = status >= 400 ? status : 500;
        send(
            context.response(),
            code,
            code >= 500 ? "INTERNAL" : "INVALID_ARGUMENT",
            "HTTP " + code + " for " + where);
      }
    }
  }

  static byte[] body(String code, String message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + message.length());
    try (JsonGenerator generator = RecordJson.FACTORY.createGenerator(out)) {
      generator.writeStartObject();
      generator.writeStringField("error", code);
      generator.writeStringField("message", message);
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}

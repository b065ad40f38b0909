package dev.blazebench.protocol.client;

import io.grpc.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * One HTTP exchange of a {@link RestJsonClient}, from sending the request to the last byte of the
 * response, under one deadline.
 *
 * <p>The JDK client's own {@link HttpRequest#timeout} only covers the wait for the response
 * headers; a large or streamed body could then take as long as it likes. So the call also runs in a
 * gRPC {@link Context} with the same deadline, whose cancellation closes the response stream: a
 * read blocked on a stalled server then fails, and {@link #translate} reports it as
 * DEADLINE_EXCEEDED (or CANCELLED when {@link #close()} came first), as a gRPC call would.
 */
final class HttpCall implements AutoCloseable {

  /** Fires deadlines; one daemon thread for all clients, it only closes streams. */
  private static final ScheduledExecutorService DEADLINES =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "blazebench-rest-deadlines");
            thread.setDaemon(true);
            return thread;
          });

  private final String operation;
  private final Context.CancellableContext context;
  private final HttpResponse<InputStream> response;
  private final InputStream body;

  private HttpCall(
      String operation,
      Context.CancellableContext context,
      HttpResponse<InputStream> response,
      InputStream body) {
    this.operation = operation;
    this.context = context;
    this.response = response;
    this.body = body;
  }

  /**
   * Sends {@code request} and waits for the response headers.
   *
   * @throws BlazeClientException when the server cannot be reached, the deadline passes first, or
   *     the thread is interrupted
   */
  static HttpCall start(
      HttpClient http, HttpRequest.Builder request, Duration deadline, String operation) {
    Context.CancellableContext context =
        deadline == null
            ? Context.ROOT.withCancellation()
            : Context.ROOT.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS, DEADLINES);
    if (deadline != null) {
      request.timeout(deadline);
    }
    HttpResponse<InputStream> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      BlazeClientException failure = translate(operation, context, e);
      context.close();
      throw failure;
    } catch (InterruptedException e) {
      context.close();
      Thread.currentThread().interrupt();
      throw HttpFailures.cancelled(operation, e);
    }
    InputStream raw = response.body();
    context.addListener(cancelled -> closeQuietly(raw), Runnable::run);
    try {
      boolean gzipped =
          response
              .headers()
              .firstValue("content-encoding")
              .map(value -> value.trim().equalsIgnoreCase("gzip"))
              .orElse(false);
      InputStream body = gzipped ? new GZIPInputStream(raw, 8192) : raw;
      return new HttpCall(operation, context, response, body);
    } catch (IOException e) {
      BlazeClientException failure = translate(operation, context, e);
      context.close();
      throw failure;
    }
  }

  int status() {
    return response.statusCode();
  }

  /** The response body, gunzipped when the server compressed it. */
  InputStream body() {
    return body;
  }

  /** The context whose cancellation (deadline or {@link #close()}) ends the call. */
  Context.CancellableContext context() {
    return context;
  }

  /**
   * The whole (decoded) body.
   *
   * @throws BlazeClientException RESOURCE_EXHAUSTED past {@code limitBytes}, or the failure that
   *     stopped the read
   */
  byte[] readBody(int limitBytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] chunk = new byte[16384];
    try {
      int n;
      while ((n = body.read(chunk)) >= 0) {
        if (out.size() + (long) n > limitBytes) {
          throw HttpFailures.tooLarge(operation, limitBytes);
        }
        out.write(chunk, 0, n);
      }
    } catch (IOException e) {
      throw translate(e);
    }
    return out.toByteArray();
  }

  /** What an I/O failure during this call means: the deadline, a cancel, or the connection. */
  BlazeClientException translate(IOException error) {
    return translate(operation, context, error);
  }

  private static BlazeClientException translate(
      String operation, Context.CancellableContext context, IOException error) {
    if (context.isCancelled()) {
      Throwable cause = context.cancellationCause();
      if (cause instanceof TimeoutException) {
        return HttpFailures.deadlineExceeded(operation, error);
      }
      return HttpFailures.cancelled(operation, error);
    }
    return HttpFailures.fromIo(operation, error);
  }

  /** Ends the call: the rest of the body is discarded and the stream closed. */
  @Override
  public void close() {
    context.close();
    closeQuietly(body);
  }

  private static void closeQuietly(InputStream stream) {
    try {
      stream.close();
    } catch (IOException ignored) {
      // Closing is how a call is abandoned; there is nothing left to report.
    }
  }
}

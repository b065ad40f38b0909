package dev.blazebench.load.rest;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.load.api.BlazeRecords;
import dev.blazebench.load.api.CallDeadlines;
import dev.blazebench.load.api.DecodeFailure;
import dev.blazebench.load.api.LoadClient;
import dev.blazebench.load.api.PreparedBlazeRecords;
import dev.blazebench.load.api.PreparedRecords;
import dev.blazebench.load.api.StreamedRecords;
import dev.blazebench.load.engine.OpOutcome;
import dev.blazebench.load.wire.WireCounter;
import dev.blazebench.protocol.json.RecordJson;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.query.QueryJson;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The REST/JSON API ({@code /v1/{collection}...}, reference-server's routes) on Vert.x's HTTP/1.1
 * client: records travel as {@link RecordJson}, queries as {@link QueryJson}; every answer is
 * decoded in full on the event loop that received it, before the call's future completes. With
 * {@code gzip} it asks for gzip-compressed answers ({@code Accept-Encoding: gzip}) and inflates
 * them. Payload bytes are the HTTP bodies (decompressed); wire bytes are counted at the socket.
 */
public final class RestJsonApi implements LoadClient {

  /** The API's name in results. */
  public static final String NAME = "rest-json";

  /** The API's name in results when it asks for gzip. */
  public static final String GZIP_NAME = "rest-json-gzip";

  private static final String JSON = "application/json";

  private final RestConnections connections;
  private final boolean gzip;

  public RestJsonApi(RestConnections connections, boolean gzip) {
    this.connections = connections;
    this.gzip = gzip;
  }

  @Override
  public String name() {
    return gzip ? GZIP_NAME : NAME;
  }

  @Override
  public PreparedRecords prepare(List<BlazeRecord> records) {
    return new PreparedBlazeRecords(records);
  }

  @Override
  public CompletableFuture<Answer> insert(
      String collection, PreparedRecords record, Duration deadline) {
    byte[] body = RecordJson.toJsonBytes(PreparedBlazeRecords.single(record));
    return exchange(
        HttpMethod.POST,
        path(collection) + "?return=id",
        body,
        deadline,
        "Insert",
        answer -> Answer.ofIds(List.of(JsonAnswers.id(answer)), body.length, answer.length));
  }

  @Override
  public CompletableFuture<Answer> insertMany(
      String collection, PreparedRecords records, Duration deadline) {
    byte[] body = RecordJson.toJsonBytes(PreparedBlazeRecords.of(records));
    return exchange(
        HttpMethod.POST,
        path(collection) + "/batch?return=id",
        body,
        deadline,
        "InsertMany",
        answer -> Answer.ofIds(JsonAnswers.ids(answer), body.length, answer.length));
  }

  @Override
  public CompletableFuture<Answer> fetch(String collection, UUID id, Duration deadline) {
    return exchange(
        HttpMethod.GET,
        path(collection) + "/" + id,
        null,
        deadline,
        "Fetch",
        answer -> Answer.ofRecords(one(answer), 0, answer.length));
  }

  @Override
  public CompletableFuture<Answer> update(
      String collection, UUID id, BlazeRecord changes, Duration deadline) {
    byte[] body = RecordJson.toJsonBytes(changes);
    return exchange(
        HttpMethod.PATCH,
        path(collection) + "/" + id,
        body,
        deadline,
        "Update",
        answer -> Answer.ofRecords(one(answer), body.length, answer.length));
  }

  @Override
  public CompletableFuture<Answer> delete(String collection, UUID id, Duration deadline) {
    return exchange(
        HttpMethod.DELETE,
        path(collection) + "/" + id,
        null,
        deadline,
        "Delete",
        answer -> Answer.empty(0, answer.length));
  }

  @Override
  public CompletableFuture<Answer> query(String collection, Query query, Duration deadline) {
    byte[] body = queryBytes(query);
    return exchange(
        HttpMethod.POST,
        path(collection) + "/query",
        body,
        deadline,
        "Query",
        answer ->
            Answer.ofRecords(
                new BlazeRecords(JsonAnswers.envelope(answer, "records")),
                body.length,
                answer.length));
  }

  @Override
  public CompletableFuture<Answer> aggregate(String collection, Query query, Duration deadline) {
    byte[] body = queryBytes(query);
    return exchange(
        HttpMethod.POST,
        path(collection) + "/aggregate",
        body,
        deadline,
        "Aggregate",
        answer ->
            Answer.ofRecords(
                new BlazeRecords(JsonAnswers.envelope(answer, "rows")),
                body.length,
                answer.length));
  }

  @Override
  public CompletableFuture<Answer> streamQuery(
      String collection, Query query, int batchSize, Duration deadline) {
    byte[] body = queryBytes(query);
    String uri = path(collection) + "/stream" + (batchSize > 0 ? "?batchSize=" + batchSize : "");
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
    send(
        HttpMethod.POST,
        uri,
        body,
        answer,
        sent,
        response -> {
          if (response.statusCode() != 200) {
            failWithStatus(response, "StreamQuery", answer);
            return;
          }
          NdjsonFold fold = new NdjsonFold();
          response.handler(
              chunk -> {
                if (answer.isDone()) {
                  return;
                }
                try {
                  fold.add(chunk.getBytes());
                } catch (RuntimeException e) {
                  answer.completeExceptionally(new DecodeFailure("StreamQuery", e));
                  sent.get().reset();
                }
              });
          response.exceptionHandler(answer::completeExceptionally);
          response.endHandler(
              end -> {
                try {
                  answer.complete(
                      Answer.ofRecords(
                          new StreamedRecords(Math.toIntExact(fold.count()), fold.checksum()),
                          body.length,
                          fold.bodyBytes()));
                } catch (RuntimeException e) {
                  answer.completeExceptionally(new DecodeFailure("StreamQuery", e));
                }
              });
        });
    return withDeadline(answer, sent, deadline);
  }

  @Override
  public OpOutcome classify(Throwable error) {
    return RestFailures.classify(error);
  }

  @Override
  public WireCounter wireCounter() {
    return connections.wireCounter();
  }

  @Override
  public void awaitReady(long timeoutMillis) throws InterruptedException {
    connections.awaitReady(timeoutMillis);
  }

  @Override
  public void close() {
    connections.close();
  }

  /**
   * One request and its whole answer: a 2xx body is decoded by {@code decode} on the event loop,
   * any other status fails the call with it.
   */
  private CompletableFuture<Answer> exchange(
      HttpMethod method,
      String uri,
      byte[] body,
      Duration deadline,
      String operation,
      Function<byte[], Answer> decode) {
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
    send(
        method,
        uri,
        body,
        answer,
        sent,
        response -> {
          int status = response.statusCode();
          if (status < 200 || status > 299) {
            failWithStatus(response, operation, answer);
            return;
          }
          response
              .body()
              .onComplete(
                  whole -> {
                    if (whole.failed()) {
                      answer.completeExceptionally(whole.cause());
                      return;
                    }
                    try {
                      answer.complete(decode.apply(whole.result().getBytes()));
                    } catch (RuntimeException e) {
                      answer.completeExceptionally(new DecodeFailure(operation, e));
                    }
                  });
        });
    return withDeadline(answer, sent, deadline);
  }

  /**
   * Sends the request once the pool gives it a connection, and hands the response to {@code
   * onResponse}, failing {@code answer} if there is none. Everything after the pool hands out the
   * request runs on the request's Vert.x context, where {@code onResponse} is registered before the
   * request goes out: registered later from another thread, it could run after the response's body
   * had already been delivered to nobody, and the call would hang.
   */
  private void send(
      HttpMethod method,
      String uri,
      byte[] body,
      CompletableFuture<Answer> answer,
      AtomicReference<HttpClientRequest> sent,
      Handler<HttpClientResponse> onResponse) {
    RequestOptions options =
        new RequestOptions().setMethod(method).setURI(uri).putHeader(HttpHeaders.ACCEPT, JSON);
    if (gzip) {
      options.putHeader(HttpHeaders.ACCEPT_ENCODING, "gzip");
    }
    if (body != null) {
      options.putHeader(HttpHeaders.CONTENT_TYPE, JSON);
    }
    connections
        .client()
        .request(options)
        .onComplete(
            obtained -> {
              if (obtained.failed()) {
                answer.completeExceptionally(obtained.cause());
                return;
              }
              HttpClientRequest request = obtained.result();
              sent.set(request);
              if (answer.isDone()) {
                request.reset(); // the deadline passed while it waited for a connection
                return;
              }
              (body == null ? request.send() : request.send(Buffer.buffer(body)))
                  .onComplete(
                      received -> {
                        if (received.failed()) {
                          answer.completeExceptionally(received.cause());
                        } else {
                          onResponse.handle(received.result());
                        }
                      });
            });
  }

  private static void failWithStatus(
      HttpClientResponse response, String operation, CompletableFuture<Answer> answer) {
    int status = response.statusCode();
    response
        .body()
        .onComplete(
            body -> {
              String text =
                  body.succeeded() ? body.result().toString(StandardCharsets.UTF_8) : "(no body)";
              if (text.length() > 300) {
                text = text.substring(0, 300) + "...";
              }
              answer.completeExceptionally(new HttpStatusFailure(operation, status, text));
            });
  }

  /**
   * Fails the call at its deadline ({@link CallDeadlines}) and then, or when the caller cancels it,
   * resets the request, so that a hung server frees the connection.
   */
  private CompletableFuture<Answer> withDeadline(
      CompletableFuture<Answer> answer,
      AtomicReference<HttpClientRequest> sent,
      Duration deadline) {
    return connections
        .deadlines()
        .track(
            answer,
            deadline,
            () -> {
              HttpClientRequest request = sent.get();
              if (request != null) {
                request.reset();
              }
            });
  }

  private static BlazeRecords one(byte[] body) {
    return new BlazeRecords(List.of(JsonAnswers.record(body)));
  }

  private static byte[] queryBytes(Query query) {
    return QueryJson.toJsonString(query).getBytes(StandardCharsets.UTF_8);
  }

  /** {@code /v1/<collection>}, the name percent-encoded but for RFC 3986's unreserved set. */
  static String path(String collection) {
    StringBuilder path = new StringBuilder("/v1/");
    for (byte b : collection.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        path.append(c);
      } else {
        path.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)));
        path.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
      }
    }
    return path.toString();
  }
}

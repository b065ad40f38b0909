package dev.blazebench.load.poll;

import dev.blazebench.load.api.TargetUnreachableException;
import dev.blazebench.load.engine.OpOutcome;
import dev.blazebench.load.realtime.ChangeSink;
import dev.blazebench.load.realtime.ChangesJson;
import dev.blazebench.load.realtime.ObservedChange;
import dev.blazebench.load.realtime.SubscriberApi;
import dev.blazebench.load.realtime.SubscriptionFailures;
import dev.blazebench.load.realtime.VertxClients;
import dev.blazebench.load.wire.WireCounter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * REST polling subscribers ({@code rest-poll-1s}, {@code rest-poll-5s}, ...): each asks {@code GET
 * /v1/{collection}/changes?since=SEQ&limit=1000} every poll interval on Vert.x's HTTP/1.1 client
 * (keep-alive, as a browser's {@code setInterval} + {@code fetch} would), decodes the answer in
 * full ({@link ChangesJson}) and continues after the last change it received (after the answer's
 * {@code lastSequence} only when it carried none: {@link #nextSince}); an answer with {@code
 * "hasMore": true} is followed at once by the next poll. Polls are on a fixed schedule from the
 * subscriber's start (a tick that finds the previous poll still running is skipped). Socket bytes
 * are counted as the REST client's are.
 */
public final class PollingSubscribers implements SubscriberApi {

  /** Changes asked for per poll. */
  static final int LIMIT = 1000;

  private final String host;
  private final int port;
  private final Duration interval;
  private final String name;
  private final WireCounter wireCounter = new WireCounter(WireCounter.NETTY_SOCKET_HANDLER);
  private final Vertx vertx;
  private final HttpClientAgent client;

  /**
   * @param interval the poll interval
   * @param subscribers how many subscribers will poll (the pool keeps one connection each)
   */
  public PollingSubscribers(String host, int port, Duration interval, int subscribers) {
    if (interval.isNegative() || interval.toMillis() < 1) {
      throw new IllegalArgumentException("poll interval must be at least 1 ms, was " + interval);
    }
    this.host = host;
    this.port = port;
    this.interval = interval;
    this.name = apiName(interval);
    this.vertx = VertxClients.counting(wireCounter);
    this.client =
        vertx
            .httpClientBuilder()
            .with(
                new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_1_1)
                    .setKeepAlive(true)
                    .setPipelining(false)
                    .setTcpNoDelay(true)
                    .setConnectTimeout(3_000)
                    .setDefaultHost(host)
                    .setDefaultPort(port))
            .with(new PoolOptions().setHttp1MaxSize(Math.max(1, subscribers)))
            .build();
  }

  /** "rest-poll-5s" for 5 s, "rest-poll-500ms" for half a second. */
  public static String apiName(Duration interval) {
    return dev.blazebench.load.run.Target.pollingApi(interval);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public WireCounter wireCounter() {
    return wireCounter;
  }

  @Override
  public OpOutcome classify(Throwable error) {
    return SubscriptionFailures.classify(error);
  }

  private static String changesUri(String collection, long since, int limit) {
    return "/v1/"
        + URLEncoder.encode(collection, StandardCharsets.UTF_8).replace("+", "%20")
        + "/changes?since="
        + since
        + "&limit="
        + limit;
  }

  /** One poll: the decoded page, or a failure (a status other than 200 is {@code HttpStatus}). */
  private Future<Buffer> get(String uri) {
    return client
        .request(new RequestOptions().setMethod(HttpMethod.GET).setURI(uri))
        // body() inside send's callback, not chained after it: see RestConnections.awaitReady.
        .compose(
            request ->
                request
                    .send()
                    .compose(
                        (HttpClientResponse response) ->
                            response
                                .body()
                                .compose(
                                    body ->
                                        response.statusCode() == 200
                                            ? Future.succeededFuture(body)
                                            : Future.failedFuture(
                                                new SubscriptionFailures.HttpStatus(
                                                    response.statusCode(), body.toString())))));
  }

  @Override
  public void awaitReady(long timeoutMillis) throws InterruptedException {
    try {
      get(changesUri("bugs", 0, 0))
          .toCompletionStage()
          .toCompletableFuture()
          .get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      String why =
          e instanceof TimeoutException ? "no answer" : String.valueOf(e.getCause().getMessage());
      throw new TargetUnreachableException(
          "cannot poll http://"
              + host
              + ":"
              + port
              + "/v1/bugs/changes within "
              + timeoutMillis
              + " ms ("
              + why
              + "): is the server's HTTP port there?");
    }
  }

  @Override
  public AutoCloseable subscribe(String collection, ChangeSink sink) {
    Poller poller = new Poller(collection, sink);
    // Start from the log's end as it is now: limit=0 tells the last sequence.
    vertx.runOnContext(ignored -> poller.start());
    return poller::stop;
  }

  /**
   * Where the poll after {@code page} starts: after the last change received, as the server's
   * protocol says, and only for an empty, complete page at the log's {@code lastSequence}. A page
   * that stops short of it ({@code "hasMore": true}: the limit, or a snapshot that did not yet show
   * a change committed before a later one) must not move past the changes it did not carry, or the
   * poller would never ask for them again.
   */
  static long nextSince(long since, ChangesJson.Page page) {
    List<ObservedChange> changes = page.changes();
    if (!changes.isEmpty()) {
      return Math.max(since, changes.get(changes.size() - 1).sequence());
    }
    return page.hasMore() ? since : Math.max(since, page.lastSequence());
  }

  /** One subscriber: its position in the log and its timer. Runs on one Vert.x context. */
  private final class Poller {
    private final String collection;
    private final ChangeSink sink;
    private long since = -1;
    private volatile long timer = -1;
    private boolean polling;
    private volatile boolean stopped;

    Poller(String collection, ChangeSink sink) {
      this.collection = collection;
      this.sink = sink;
    }

    void start() {
      get(changesUri(collection, 0, 0))
          .onComplete(
              body -> {
                if (stopped) {
                  return;
                }
                ChangesJson.Page page;
                try {
                  page = ChangesJson.decode(body.getBytes());
                } catch (RuntimeException e) {
                  fail(new SubscriptionFailures.UndecodableMessage(name, e));
                  return;
                }
                since = page.lastSequence();
                timer = vertx.setPeriodic(interval.toMillis(), id -> tick());
              },
              this::fail);
    }

    void tick() {
      if (!polling && !stopped) {
        poll();
      }
    }

    void poll() {
      polling = true;
      get(changesUri(collection, since, LIMIT))
          .onComplete(
              body -> {
                polling = false;
                if (stopped) {
                  return;
                }
                byte[] json = body.getBytes();
                ChangesJson.Page page;
                try {
                  page = ChangesJson.decode(json);
                } catch (RuntimeException e) {
                  fail(new SubscriptionFailures.UndecodableMessage(name, e));
                  return;
                }
                since = nextSince(since, page);
                if (!page.changes().isEmpty()) {
                  sink.onChanges(page.changes(), System.nanoTime(), json.length);
                }
                if (page.hasMore() && !page.changes().isEmpty()) {
                  poll();
                }
              },
              error -> {
                polling = false;
                fail(error);
              });
    }

    void fail(Throwable error) {
      if (stopped) {
        return;
      }
      stop();
      sink.onEnd(error);
    }

    void stop() {
      stopped = true;
      long id = timer;
      if (id >= 0) {
        vertx.cancelTimer(id);
      }
    }
  }

  @Override
  public void close() {
    try {
      client.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // closing anyway
    } finally {
      VertxClients.close(vertx);
    }
  }
}

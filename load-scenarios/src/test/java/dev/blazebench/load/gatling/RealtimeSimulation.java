package dev.blazebench.load.gatling;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyLength;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.http.HttpDsl.ws;

import dev.blazebench.protocol.json.RecordJson;
import dev.blazebench.protocol.workload.BugWorkload;
import io.gatling.http.action.ws.WsInboundMessage;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The seed's realtime test over the HTTP port: a writer inserting records at a constant rate (open
 * model, {@code -Drate}, default 10/s, {@code POST /v1/{collection}?return=id}, each answer checked
 * for 201 and an id) while subscribers follow the collection's changes and measure how long each
 * change took from its commit on the server to its arrival:
 *
 * <ul>
 *   <li>{@code -Dsubscribers} WebSocket subscribers (default 1) on {@code
 *       /v1/{collection}/subscribe?since=SEQ};
 *   <li>one REST poller per interval in {@code -Dpoll.intervals} (seconds, default {@code 5,1};
 *       empty for none), {@code GET /v1/{collection}/changes?since=SEQ&limit=1000} on a fixed pace.
 * </ul>
 *
 * <p>Every subscriber starts from the collection's last sequence and, after the writer stops and a
 * 3 s grace, asks the server for its last sequence once more ({@code ... caught up} in the report):
 * the check passes only if the subscriber received every change in between exactly once and in
 * order. Delivery latencies and payload bytes per hour are printed at the end and written to {@code
 * load-scenarios/target/gatling/realtime-delivery-<time>.txt} ({@link DeliveryLog} says why they
 * are not in Gatling's report); Gatling's report has the writes, polls and connects. The default
 * collection is {@code realtime}, so the written records do not change the answers the other
 * scenarios check.
 *
 * <pre>
 * ./mvnw -pl load-scenarios gatling:test \
 *     -Dgatling.simulationClass=dev.blazebench.load.gatling.RealtimeSimulation \
 *     -Dbase.url=http://127.0.0.1:8080 -Drate=10 -Dwarmup=10 -Dduration=60 \
 *     -Dsubscribers=1 -Dpoll.intervals=5,1
 * </pre>
 */
public class RealtimeSimulation extends Simulation {

  /** Before the first write: time for subscribers to connect. */
  private static final Duration CONNECT_TIME = Duration.ofSeconds(2);

  /** After the last write: time for its change to reach every subscriber. */
  private static final Duration GRACE = Duration.ofSeconds(3);

  private static final int DISTINCT_RECORDS = 1_000;
  private static final int POLL_LIMIT = 1_000;

  private final SimulationSettings settings = SimulationSettings.fromSystemProperties("realtime");
  private final int subscribers = Integer.getInteger("subscribers", 1);
  private final List<Duration> pollIntervals =
      pollIntervals(System.getProperty("poll.intervals", "5,1"));
  private final String collectionPath =
      "/v1/" + URLEncoder.encode(settings.collection(), StandardCharsets.UTF_8).replace("+", "%20");
  private final List<byte[]> records = new ArrayList<>();
  private final AtomicLong nextRecord = new AtomicLong();

  /** Set in {@link #before()}, when the run's clock starts. */
  private volatile DeliveryLog log;

  private final HttpProtocolBuilder protocol =
      http.baseUrl(settings.baseUrl())
          .wsBaseUrl(settings.wsBaseUrl())
          .acceptHeader("application/json")
          .contentTypeHeader("application/json")
          .shareConnections()
          .maxConnectionsPerHost(settings.connections())
          .wsUnmatchedInboundMessageBufferSize(100_000);

  {
    for (int i = 0; i < DISTINCT_RECORDS; i++) {
      records.add(RecordJson.toJsonBytes(BugWorkload.newBug(BugWorkload.DEFAULT_SEED, i)));
    }
    Duration writing = settings.warmup().plus(settings.duration());
    Duration following = CONNECT_TIME.plus(writing).plus(GRACE);

    List<PopulationBuilder> populations = new ArrayList<>();
    List<Assertion> assertions = new ArrayList<>();
    populations.add(
        scenario("writer")
            .exec(insert())
            .injectOpen(
                nothingFor(CONNECT_TIME),
                constantUsersPerSec(settings.ratePerSec()).during(writing)));
    if (subscribers > 0) {
      populations.add(
          scenario("websocket subscriber")
              .exec(websocketSubscriber(following))
              .injectOpen(atOnceUsers(subscribers)));
      assertions.add(
          details("websocket caught up").successfulRequests().count().is((long) subscribers));
    }
    for (Duration interval : pollIntervals) {
      String path = "poll " + interval.toSeconds() + "s";
      populations.add(
          scenario(path + " subscriber")
              .exec(poller(path, interval, following))
              .injectOpen(atOnceUsers(1)));
      assertions.add(details(path + " caught up").successfulRequests().count().is(1L));
    }
    assertions.add(global().failedRequests().count().is(0L));
    setUp(populations).protocols(protocol).assertions(assertions);
  }

  @Override
  public void before() {
    long startMicros = nowMicros();
    long measuredFrom = startMicros + toMicros(CONNECT_TIME) + toMicros(settings.warmup());
    log = new DeliveryLog(measuredFrom, measuredFrom + toMicros(settings.duration()));
  }

  @Override
  public void after() {
    String summary =
        String.format(
                "realtime: writer %.1f/s into \"%s\", %d WebSocket subscriber(s), polling %s%n",
                settings.ratePerSec(),
                settings.collection(),
                subscribers,
                pollIntervals.isEmpty() ? "off" : pollIntervals)
            + log.summary();
    System.out.print(summary);
    Path file =
        targetDirectory()
            .resolve("gatling")
            .resolve(
                "realtime-delivery-"
                    + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                        .withZone(ZoneOffset.UTC)
                        .format(Instant.now())
                    + ".txt");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, summary);
      System.out.println("delivery figures written to " + file.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file.toAbsolutePath(), e);
    }
  }

  private HttpRequestActionBuilder insert() {
    return http("insert")
        .post(collectionPath + "?return=id")
        .body(
            ByteArrayBody(
                session -> records.get((int) (nextRecord.getAndIncrement() % DISTINCT_RECORDS))))
        .check(status().is(201), jsonPath("$.id").exists());
  }

  /** Starts at the collection's last sequence (session {@code startSequence}, {@code last}). */
  private ChainBuilder startAtLastSequence(String path) {
    return exec(http(path + " start")
            .get(collectionPath + "/changes?limit=0")
            .check(status().is(200), jsonPath("$.lastSequence").ofLong().saveAs("startSequence")))
        .exec(session -> session.set("last", session.getLong("startSequence")).set("received", 0L));
  }

  /**
   * The server's last sequence must be the last one this subscriber received, and the number of
   * changes it received in order must close the gap from where it started: every change exactly
   * once, in order.
   */
  private HttpRequestActionBuilder caughtUp(String path) {
    return http(path + " caught up")
        .get(collectionPath + "/changes?limit=0")
        .check(
            status().is(200),
            jsonPath("$.lastSequence").ofLong().is(session -> session.getLong("last")),
            jsonPath("$.lastSequence")
                .ofLong()
                .is(session -> session.getLong("startSequence") + session.getLong("received")));
  }

  private ChainBuilder websocketSubscriber(Duration following) {
    String path = "websocket";
    return startAtLastSequence(path)
        .exec(
            ws("websocket subscribe").connect(collectionPath + "/subscribe?since=#{startSequence}"))
        .exitHereIfFailed()
        .exec(
            during(following)
                .on(
                    pause(Duration.ofSeconds(1)),
                    ws.processUnmatchedMessages(
                        (messages, session) -> consumeMessages(path, messages, session))))
        .exec(
            ws.processUnmatchedMessages(
                (messages, session) -> consumeMessages(path, messages, session)))
        .exec(caughtUp(path))
        .exec(ws("websocket close").close());
  }

  private ChainBuilder poller(String path, Duration interval, Duration following) {
    HttpRequestActionBuilder poll =
        http(path)
            .get(collectionPath + "/changes?since=#{last}&limit=" + POLL_LIMIT)
            .check(
                status().is(200),
                bodyString().saveAs("pollBody"),
                bodyLength().saveAs("pollBytes"));
    ChainBuilder pollOnce =
        exec(poll)
            .exec(
                session ->
                    consume(
                        path,
                        session.getString("pollBody"),
                        nowMicros(),
                        session.getInt("pollBytes"),
                        session));
    return startAtLastSequence(path)
        .exec(during(following).on(pace(interval), pollOnce))
        .exec(pollOnce)
        .exec(caughtUp(path));
  }

  private Session consumeMessages(String path, List<WsInboundMessage> messages, Session session) {
    Session updated = session;
    for (WsInboundMessage message : messages) {
      if (!(message instanceof WsInboundMessage.Text text)) {
        throw new IllegalStateException(path + ": expected text messages, got " + message);
      }
      updated =
          consume(
              path,
              text.message(),
              text.timestamp() * 1_000,
              text.message().getBytes(StandardCharsets.UTF_8).length,
              updated);
    }
    return updated;
  }

  /** Counts a batch's changes in order into the session and records their delivery. */
  private Session consume(
      String path, String body, long receivedMicros, long payloadBytes, Session session) {
    ChangeBatch batch = ChangeBatch.parse(body);
    long last = session.getLong("last");
    long received = session.getLong("received");
    for (long sequence : batch.sequences()) {
      if (sequence == last + 1) {
        last = sequence;
        received++;
      } else {
        log.outOfOrder(path);
        last = Math.max(last, sequence);
      }
    }
    log.record(path, batch, receivedMicros, payloadBytes);
    return session.set("last", last).set("received", received);
  }

  private static List<Duration> pollIntervals(String spec) {
    List<Duration> intervals = new ArrayList<>();
    for (String part : spec.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        long seconds = Long.parseLong(part.trim());
        if (seconds > 0) {
          intervals.add(Duration.ofSeconds(seconds));
          continue;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(
          "poll.intervals: expected whole seconds > 0, comma-separated (5,1), was \""
              + spec
              + "\"");
    }
    return intervals;
  }

  /** The module's {@code target} directory: the parent of {@code target/test-classes}. */
  private static Path targetDirectory() {
    try {
      return Path.of(
              RealtimeSimulation.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("where the test classes are: " + e.getMessage(), e);
    }
  }

  private static long nowMicros() {
    return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
  }

  private static long toMicros(Duration duration) {
    return duration.toNanos() / 1_000;
  }
}

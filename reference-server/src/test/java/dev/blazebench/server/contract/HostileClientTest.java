package dev.blazebench.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeSequences;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.bugs.BugServiceGrpc;
import dev.blazebench.protocol.bugs.BugSubscribeRequest;
import dev.blazebench.protocol.client.BlazeClient;
import dev.blazebench.protocol.client.BlazeClientException;
import dev.blazebench.protocol.client.BlazeGrpcClient;
import dev.blazebench.protocol.client.BlazeNativeClient;
import dev.blazebench.protocol.client.Change;
import dev.blazebench.protocol.client.ChangeListener;
import dev.blazebench.protocol.client.ProtoBugClient;
import dev.blazebench.protocol.client.RestJsonClient;
import dev.blazebench.protocol.grpc.BlazeDBServiceGrpc;
import dev.blazebench.protocol.grpc.SyncMessage;
import dev.blazebench.protocol.json.RecordJson;
import dev.blazebench.protocol.nativegrpc.BlazeMarshallers;
import dev.blazebench.protocol.query.AggregateFunction;
import dev.blazebench.protocol.query.FilterOp;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.query.QueryJson;
import dev.blazebench.protocol.sync.ClientOperations;
import dev.blazebench.protocol.workload.BugWorkload;
import dev.blazebench.server.contract.ByteMutations.Mutant;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile client against every API of one running server: the project's rule "the server never
 * dies of a client's bytes", tried with bytes nobody wrote by hand.
 *
 * <p>The gRPC requests are recorded from the real clients (BlazeBinary wrapped and native,
 * Protobuf) doing one of each operation, plus Sync messages carrying BlazeBinary operations (in the
 * opening message, and in a later one); the REST requests are the ones {@link RestJsonClient}
 * sends. Each is replayed many times, damaged by {@link ByteMutations}, through a client that only
 * moves bytes. The damage is seeded and every failure says what it was; the recorded requests hold
 * ids the server chose, so a rerun damages the same places of nearly, not exactly, the same bytes.
 * Every answer must be a success or an error the client caused, never a server error (gRPC UNKNOWN,
 * INTERNAL, UNAVAILABLE; HTTP 5xx), and a refused request must leave the store as it was. Raw
 * garbage on each listener must not stop it. Afterwards every API still answers, and what the two
 * BlazeBinary APIs read equals what the store holds.
 *
 * <p>Subscriptions (gRPC Subscribe on the three gRPC APIs, WebSocket push) are replayed fewer times
 * and under a short deadline: a valid one stays open, so for them the deadline passing, or a
 * WebSocket left open, counts as the client's doing too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileClientTest {

  private static final String COLLECTION = "bugs";
  private static final int SEEDED = 100;

  /**
   * Damaged copies per recorded request, and the seed they come from: a normal build's quick pass.
   * For a longer hunt: {@code ./mvnw -pl reference-server test -Dtest=HostileClientTest
   * -Dblazebench.hostile.mutants=2000 -Dblazebench.hostile.seed=$RANDOM}.
   */
  private static final int MUTANTS_PER_REQUEST =
      Integer.getInteger("blazebench.hostile.mutants", 40);

  private static final long MUTATION_SEED = Long.getLong("blazebench.hostile.seed", 20_261_128L);
  private static final Duration CALL_DEADLINE = Duration.ofSeconds(10);

  /** How long a replayed subscription may stay open: a valid one never ends by itself. */
  private static final Duration SUBSCRIPTION_DEADLINE = Duration.ofMillis(200);

  /** The statuses a client may cause; anything else is the server's fault. */
  private static final Set<Status.Code> CLIENT_CAUSED =
      EnumSet.of(
          Status.Code.OK,
          Status.Code.INVALID_ARGUMENT,
          Status.Code.NOT_FOUND,
          Status.Code.ALREADY_EXISTS,
          Status.Code.RESOURCE_EXHAUSTED,
          Status.Code.FAILED_PRECONDITION,
          Status.Code.OUT_OF_RANGE);

  private ContractServers servers;
  private ManagedChannel channel;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start(@TempDir Path dataDir) {
    servers = ContractServers.start(dataDir, AbstractApiContractTest.MAX_MESSAGE_BYTES);
    servers.seedBugs(COLLECTION, SEEDED);
    channel = NettyChannelBuilder.forTarget(servers.grpcTarget()).usePlaintext().build();
  }

  @AfterAll
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    servers.close();
  }

  @Test
  void damagedGrpcRequestsAreRefusedAsTheClientsFaultAndWriteNothing() {
    List<RecordedCall> seeds = recordGrpcCalls();
    // Every operation of every gRPC API was recorded, so the replay below covers them all.
    assertThat(methodNames(seeds))
        .contains(
            "blazedb.v1.BlazeDBService/InsertMany",
            "blazedb.v1.BlazeDBService/Sync",
            "blazedb.v1.BlazeDBNative/Update",
            "bugs.v1.BugService/StreamQuery")
        .hasSize(25);

    Tally tally =
        replayDamaged(
            seeds,
            MUTANTS_PER_REQUEST,
            CALL_DEADLINE,
            CLIENT_CAUSED,
            new ByteMutations(MUTATION_SEED));

    tally.report("damaged gRPC requests (seed " + MUTATION_SEED + "), by status");
    // The damage reached both outcomes: not all refused at the first byte, not all let through.
    assertThat(tally.refused).isGreaterThan(seeds.size() * MUTANTS_PER_REQUEST / 2);
    assertThat(tally.accepted).isGreaterThan(0);
    assertEveryApiStillServes();
  }

  @Test
  void damagedRestRequestsAreFourHundredsAndWriteNothing() throws Exception {
    List<RestRequest> seeds = restRequests();
    ByteMutations mutations = new ByteMutations(MUTATION_SEED + 1);
    Tally tally = new Tally();
    for (RestRequest seed : seeds) {
      for (int i = 0; i < MUTANTS_PER_REQUEST; i++) {
        RestRequest damaged;
        String how;
        if (seed.body().length > 0 && mutations.nextInt(4) != 0) {
          Mutant body = mutations.mutate(seed.body());
          damaged = new RestRequest(seed.method(), seed.target(), body.bytes());
          how = "body: " + body.how();
        } else {
          Mutant target = mutations.mutate(seed.target().getBytes(StandardCharsets.UTF_8));
          damaged = new RestRequest(seed.method(), percentEncoded(target.bytes()), seed.body());
          how = "target " + damaged.target() + ": " + target.how();
        }
        List<BlazeRecord> before = storedRecords();
        HttpResponse<String> response = send(damaged);
        String what = seed.method() + " " + seed.target() + " (" + how + ")";
        tally.count(response.statusCode() < 400, "HTTP " + response.statusCode());
        if (response.statusCode() >= 500) {
          tally.problem(what + ": " + response.statusCode() + " " + response.body());
        } else if (response.statusCode() >= 400) {
          if (!response.body().contains("\"message\"")) {
            tally.problem(what + ": " + response.statusCode() + " without a message");
          } else if (!storedRecords().equals(before)) {
            tally.problem(what + ": refused with " + response.statusCode() + " but wrote");
          }
        }
      }
    }

    tally.report("damaged REST requests (seed " + (MUTATION_SEED + 1) + "), by status");
    assertThat(tally.refused).isGreaterThan(seeds.size() * MUTANTS_PER_REQUEST / 4);
    assertThat(tally.accepted).isGreaterThan(0);
    assertEveryApiStillServes();
  }

  @Test
  void damagedSubscriptionsEndAsTheClientsFault() throws Exception {
    List<RecordedCall> seeds = recordSubscribeCalls();
    assertThat(methodNames(seeds))
        .containsExactly(
            "blazedb.v1.BlazeDBNative/Subscribe",
            "blazedb.v1.BlazeDBService/Subscribe",
            "bugs.v1.BugService/Subscribe");
    Set<Status.Code> allowed = EnumSet.copyOf(CLIENT_CAUSED);
    allowed.add(Status.Code.DEADLINE_EXCEEDED); // a valid subscription stays open
    ByteMutations mutations = new ByteMutations(MUTATION_SEED + 3);
    int replays = Math.max(1, MUTANTS_PER_REQUEST / 4);
    Tally tally = replayDamaged(seeds, replays, SUBSCRIPTION_DEADLINE, allowed, mutations);
    for (String seed : List.of("/v1/bugs/subscribe?since=0", "/v1/bugs/subscribe?since=latest")) {
      for (int i = 0; i < replays; i++) {
        Mutant mutant = mutations.mutate(seed.getBytes(StandardCharsets.UTF_8));
        String target = percentEncoded(mutant.bytes());
        String outcome = openWebSocket(target, mutations.noise(1 + mutations.nextInt(4096)));
        tally.count(
            outcome.equals("open"),
            "WebSocket " + (outcome.startsWith("failed") ? "failed" : outcome));
        if (!outcome.equals("open") && !outcome.matches("HTTP 4\\d\\d|close (1000|1008|4001)")) {
          tally.problem("WebSocket " + target + " (" + mutant.how() + "): " + outcome);
        }
      }
    }

    tally.report("damaged subscriptions (seed " + (MUTATION_SEED + 3) + "), by outcome");
    assertThat(tally.refused).isGreaterThan(0);
    assertThat(tally.accepted).isGreaterThan(0);
    assertEveryApiStillServes();
  }

  @Test
  void garbageOnEveryListenerDoesNotStopTheServer() throws IOException {
    ByteMutations mutations = new ByteMutations(MUTATION_SEED + 2);
    int grpcPort = Integer.parseInt(servers.grpcTarget().substring("127.0.0.1:".length()));
    int httpPort = servers.httpUri().getPort();
    byte[] http2Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] httpRequestLine =
        "POST /v1/bugs HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII);
    for (int port : new int[] {grpcPort, httpPort}) {
      for (int i = 0; i < 20; i++) {
        byte[] noise = mutations.noise(1 + mutations.nextInt(8192));
        byte[] prefix = i % 3 == 0 ? new byte[0] : i % 3 == 1 ? http2Preface : httpRequestLine;
        sendRaw(port, prefix, noise);
      }
    }

    assertEveryApiStillServes();
  }

  // ---- recording and replaying gRPC calls ----

  /**
   * One request as a real client sent it: method, headers and message bytes; on a bidirectional
   * stream, the messages sent before it ({@code opening}, replayed intact).
   */
  private record RecordedCall(
      String method, MethodType type, Metadata headers, List<byte[]> opening, byte[] request) {

    RecordedCall(String method, MethodType type, Metadata headers, byte[] request) {
      this(method, type, headers, List.of(), request);
    }
  }

  private List<RecordedCall> recordGrpcCalls() {
    List<RecordedCall> calls = new ArrayList<>();
    Channel recording = ClientInterceptors.intercept(channel, new Recorder(calls));
    List<BlazeClient> clients =
        List.of(
            BlazeGrpcClient.create(recording),
            BlazeNativeClient.create(recording),
            ProtoBugClient.create(recording));
    int index = SEEDED;
    for (BlazeClient client : clients) {
      UUID id = client.insert(COLLECTION, BugWorkload.newBug(BugWorkload.DEFAULT_SEED, index++));
      client.insertMany(COLLECTION, BugWorkload.newBugs(BugWorkload.DEFAULT_SEED, index, 3));
      index += 3;
      client.fetch(COLLECTION, id);
      client.update(
          COLLECTION, id, BlazeRecord.builder().put("status", BlazeValue.string("closed")).build());
      client.query(COLLECTION, openHighPriority());
      client.aggregate(COLLECTION, perStatus());
      client.streamQuery(COLLECTION, openHighPriority(), 4, batch -> {});
      client.delete(COLLECTION, id);
    }
    // Sync has no client here: its messages, as blazedb.proto defines them.
    ClientOperations ops = new ClientOperations(UUID.randomUUID());
    UUID syncId = UUID.randomUUID();
    byte[] operations =
        BlazeSequences.encodeOperations(
            List.of(
                ops.insert(COLLECTION, syncId, BugWorkload.newBug(BugWorkload.DEFAULT_SEED, index)),
                ops.update(
                    COLLECTION,
                    syncId,
                    BlazeRecord.builder().put("priority", BlazeValue.integer(5)).build())));
    SyncMessage opening =
        SyncMessage.newBuilder().setCollection(COLLECTION).setFromLatest(true).setPushId(1).build();
    SyncMessage later =
        SyncMessage.newBuilder()
            .setPushId(2)
            .setOperations(ByteString.copyFrom(operations))
            .build();
    String sync = BlazeDBServiceGrpc.getSyncMethod().getFullMethodName();
    // Operations in the message that opens the stream, and in a later one (other rules apply).
    calls.add(
        new RecordedCall(
            sync,
            MethodType.BIDI_STREAMING,
            new Metadata(),
            opening.toBuilder().mergeFrom(later).setPushId(1).build().toByteArray()));
    calls.add(
        new RecordedCall(
            sync,
            MethodType.BIDI_STREAMING,
            new Metadata(),
            List.of(opening.toByteArray()),
            later.toByteArray()));
    return calls;
  }

  /** One Subscribe request of each gRPC API, from the real clients where they have one. */
  private List<RecordedCall> recordSubscribeCalls() {
    List<RecordedCall> calls = new ArrayList<>();
    Channel recording = ClientInterceptors.intercept(channel, new Recorder(calls));
    ChangeListener ignore =
        new ChangeListener() {
          @Override
          public void onChanges(List<Change> changes) {}

          @Override
          public void onEnd(BlazeClientException reason) {}
        };
    try (BlazeGrpcClient wrapped = BlazeGrpcClient.create(recording);
        BlazeNativeClient nativeClient = BlazeNativeClient.create(recording)) {
      wrapped.subscribe(COLLECTION, 0, ignore).cancel();
      nativeClient.subscribe(COLLECTION, 0, ignore).cancel();
    }
    // The Protobuf client has no subscribe: its request, as the proto defines it.
    calls.add(
        new RecordedCall(
            BugServiceGrpc.getSubscribeMethod().getFullMethodName(),
            MethodType.SERVER_STREAMING,
            new Metadata(),
            BugSubscribeRequest.newBuilder().setFromSequence(0).build().toByteArray()));
    return calls;
  }

  /** Keeps a copy of each request message a call sends, with the call's headers. */
  private static final class Recorder implements ClientInterceptor {

    private final List<RecordedCall> calls;

    Recorder(List<RecordedCall> calls) {
      this.calls = calls;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(
        MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
      return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
        private final Metadata headers = new Metadata();

        @Override
        public void start(Listener<R> listener, Metadata callHeaders) {
          headers.merge(callHeaders);
          super.start(listener, callHeaders);
        }

        @Override
        public void sendMessage(Q message) {
          try (InputStream bytes = method.streamRequest(message)) {
            calls.add(
                new RecordedCall(
                    method.getFullMethodName(), method.getType(), headers, bytes.readAllBytes()));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          super.sendMessage(message);
        }
      };
    }
  }

  private static Set<String> methodNames(List<RecordedCall> calls) {
    Set<String> names = new TreeSet<>();
    calls.forEach(call -> names.add(call.method()));
    return names;
  }

  /**
   * Replays each of {@code seeds} {@code replays} times damaged, each call under {@code deadline}:
   * a status outside {@code allowed} is a problem, and so is a refusal that changed the store.
   * Counts a call as accepted when it ended OK or, for a subscription, stayed open to its deadline.
   */
  private Tally replayDamaged(
      List<RecordedCall> seeds,
      int replays,
      Duration deadline,
      Set<Status.Code> allowed,
      ByteMutations mutations) {
    Tally tally = new Tally();
    for (RecordedCall seed : seeds) {
      for (int i = 0; i < replays; i++) {
        Mutant mutant = mutations.mutate(seed.request());
        Metadata headers = maybeDamaged(seed.headers(), mutations);
        List<BlazeRecord> before = storedRecords();
        Status status = replay(seed, headers, mutant.bytes(), deadline);
        Status.Code code = status.getCode();
        boolean refused = code != Status.Code.OK && code != Status.Code.DEADLINE_EXCEEDED;
        tally.count(!refused, code.name());
        String what = seed.method() + " (" + mutant.how() + ")";
        if (!allowed.contains(code)) {
          tally.problem(what + ": " + code + " " + status.getDescription());
        } else if (refused && !storedRecords().equals(before)) {
          tally.problem(what + ": refused with " + code + " but changed the store");
        }
      }
    }
    return tally;
  }

  /**
   * {@code headers}, or a copy with one of the project's headers set to a bad value (a fifth of the
   * time, when it has any).
   */
  private static Metadata maybeDamaged(Metadata headers, ByteMutations mutations) {
    List<String> ours = new ArrayList<>();
    for (String key : headers.keys()) {
      if (key.startsWith("blazedb-")) {
        ours.add(key);
      }
    }
    if (ours.isEmpty() || mutations.nextInt(5) != 0) {
      return headers;
    }
    String[] badValues = {"", "-1", "0", "4294967296", "x", "bugs/../x", "%00", "record,id"};
    Metadata damaged = new Metadata();
    damaged.merge(headers);
    Metadata.Key<String> key =
        Metadata.Key.of(ours.get(mutations.nextInt(ours.size())), Metadata.ASCII_STRING_MARSHALLER);
    damaged.removeAll(key);
    damaged.put(key, badValues[mutations.nextInt(badValues.length)]);
    return damaged;
  }

  /** Sends {@code request} as {@code seed}'s method with {@code headers}; the call's status. */
  private Status replay(RecordedCall seed, Metadata headers, byte[] request, Duration deadline) {
    MethodDescriptor<byte[], byte[]> method =
        MethodDescriptor.<byte[], byte[]>newBuilder()
            .setFullMethodName(seed.method())
            .setType(seed.type())
            .setRequestMarshaller(BlazeMarshallers.bytes())
            .setResponseMarshaller(BlazeMarshallers.bytes())
            .build();
    Channel withHeaders =
        ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers));
    CallOptions options =
        CallOptions.DEFAULT.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    try {
      switch (seed.type()) {
        case UNARY -> ClientCalls.blockingUnaryCall(withHeaders, method, options, request);
        case SERVER_STREAMING -> {
          Iterator<byte[]> responses =
              ClientCalls.blockingServerStreamingCall(withHeaders, method, options, request);
          responses.forEachRemaining(response -> {});
        }
        default -> {
          return bidiStream(withHeaders.newCall(method, options), seed.opening(), request);
        }
      }
      return Status.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    }
  }

  /**
   * Sends {@code opening}, then {@code message}, on a bidirectional stream, half-closes and waits
   * for the status.
   */
  private static Status bidiStream(
      ClientCall<byte[], byte[]> call, List<byte[]> opening, byte[] message) {
    CompletableFuture<Status> done = new CompletableFuture<>();
    StreamObserver<byte[]> requests =
        ClientCalls.asyncBidiStreamingCall(
            call,
            new StreamObserver<>() {
              @Override
              public void onNext(byte[] response) {}

              @Override
              public void onError(Throwable t) {
                done.complete(Status.fromThrowable(t));
              }

              @Override
              public void onCompleted() {
                done.complete(Status.OK);
              }
            });
    opening.forEach(requests::onNext);
    requests.onNext(message);
    requests.onCompleted();
    return done.orTimeout(CALL_DEADLINE.toSeconds() + 5, TimeUnit.SECONDS).join();
  }

  // ---- REST ----

  /** One HTTP request: method, path with query, body (empty for none). */
  private record RestRequest(String method, String target, byte[] body) {}

  private List<RestRequest> restRequests() {
    UUID seeded = BugWorkload.id(BugWorkload.DEFAULT_SEED, 7);
    BlazeRecord stored = servers.database().insert(COLLECTION, BugWorkload.newBug(1, 0));
    UUID deletable = ((BlazeValue.UuidValue) stored.get("id")).value();
    List<BlazeRecord> three = BugWorkload.newBugs(BugWorkload.DEFAULT_SEED, 1_000, 3);
    byte[] query = QueryJson.toJsonString(openHighPriority()).getBytes(StandardCharsets.UTF_8);
    byte[] aggregate = QueryJson.toJsonString(perStatus()).getBytes(StandardCharsets.UTF_8);
    byte[] none = new byte[0];
    return List.of(
        new RestRequest("POST", "/v1/bugs", RecordJson.toJsonBytes(BugWorkload.newBug(2, 0))),
        new RestRequest("POST", "/v1/bugs/batch", RecordJson.toJsonBytes(three)),
        new RestRequest("POST", "/v1/bugs/query", query),
        new RestRequest("POST", "/v1/bugs/aggregate", aggregate),
        new RestRequest("POST", "/v1/bugs/stream?batchSize=4", query),
        new RestRequest("GET", "/v1/bugs/" + seeded, none),
        new RestRequest(
            "PATCH",
            "/v1/bugs/" + seeded,
            RecordJson.toJsonBytes(
                BlazeRecord.builder().put("priority", BlazeValue.integer(4)).build())),
        new RestRequest("DELETE", "/v1/bugs/" + deletable, none),
        new RestRequest("GET", "/v1/bugs/changes?since=0&limit=10", none),
        new RestRequest("GET", "/api/bugs?status=open&limit=20", none));
  }

  private HttpResponse<String> send(RestRequest request) throws IOException, InterruptedException {
    HttpRequest.BodyPublisher body =
        request.body().length == 0
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(request.body());
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(servers.httpUri() + request.target()))
            .timeout(CALL_DEADLINE)
            .method(request.method(), body);
    if (request.body().length > 0) {
      builder.header("Content-Type", "application/json");
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A request target from damaged bytes: a leading '/' if the damage removed it, and every byte a
   * URI may not hold as it is written as %XX, so the damage reaches the server rather than failing
   * in the client.
   */
  private static String percentEncoded(byte[] target) {
    StringBuilder out = new StringBuilder(target.length > 0 && target[0] == '/' ? "" : "/");
    for (byte b : target) {
      int c = b & 0xFF;
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-._~/?=&".indexOf(c) >= 0;
      if (plain) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  /**
   * Opens a WebSocket at {@code target} on the HTTP port and, once open, sends {@code junk} as a
   * binary and as a text frame (the server expects nothing from the client): "HTTP n" when the
   * upgrade is refused, "close n" when the server closes it within {@link #SUBSCRIPTION_DEADLINE},
   * "open" when it is still open then (and is then dropped), or what else went wrong.
   */
  private String openWebSocket(String target, byte[] junk) throws InterruptedException {
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    WebSocket.Listener listener =
        new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
            closed.complete(code);
            return null;
          }

          @Override
          public void onError(WebSocket socket, Throwable error) {
            closed.completeExceptionally(error);
          }
        };
    URI uri = URI.create("ws://127.0.0.1:" + servers.httpUri().getPort() + target);
    WebSocket socket;
    try {
      socket =
          http.newWebSocketBuilder()
              .buildAsync(uri, listener)
              .get(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return cause instanceof WebSocketHandshakeException refused
          ? "HTTP " + refused.getResponse().statusCode()
          : "failed: " + cause;
    }
    try {
      if (!closed.isDone()) {
        try {
          socket.sendBinary(ByteBuffer.wrap(junk), true).get(5, TimeUnit.SECONDS);
          socket
              .sendText(new String(junk, StandardCharsets.ISO_8859_1), true)
              .get(5, TimeUnit.SECONDS);
        } catch (ExecutionException closing) {
          // The server closed it meanwhile (a bad target): its close code says why.
        }
      }
      return "close " + closed.get(SUBSCRIPTION_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      socket.abort();
      return "open";
    } catch (ExecutionException e) {
      return "failed: " + e.getCause();
    }
  }

  // ---- raw bytes ----

  /** Writes {@code prefix} then {@code noise} on a new connection, reads what comes, closes. */
  private static void sendRaw(int port, byte[] prefix, byte[] noise) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(2_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(prefix);
        out.write(noise);
        out.flush();
        socket.shutdownOutput();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        while (in.read(buffer) >= 0) {
          // drain until the server closes
        }
      } catch (SocketTimeoutException | java.net.SocketException e) {
        // The server may close or reset a connection it cannot make sense of: that is the point.
      }
    }
  }

  // ---- checks ----

  /** The whole collection as the store holds it, to compare before and after a request. */
  private List<BlazeRecord> storedRecords() {
    return servers.database().query(COLLECTION, Query.all());
  }

  /**
   * Every API fetches a seeded record as the store holds it, and both BlazeBinary APIs read the
   * whole collection exactly as the store does (the Protobuf and JSON APIs cannot carry every value
   * a damaged request may have stored, so they are asked only for a seeded record).
   */
  private void assertEveryApiStillServes() {
    UUID id = BugWorkload.id(BugWorkload.DEFAULT_SEED, 3);
    BlazeRecord expected = servers.database().fetch(COLLECTION, id);
    List<BlazeRecord> all = servers.database().query(COLLECTION, Query.all());
    Map<String, BlazeClient> clients = new LinkedHashMap<>();
    clients.put("blaze-wrapped", BlazeGrpcClient.forTarget(servers.grpcTarget()));
    clients.put("blaze-native", BlazeNativeClient.forTarget(servers.grpcTarget()));
    clients.put("protobuf", ProtoBugClient.forTarget(servers.grpcTarget()));
    clients.put("rest-json", RestJsonClient.builder(servers.httpUri()).build());
    try {
      clients.forEach(
          (name, client) ->
              assertThat(client.fetch(COLLECTION, id)).as(name + " fetch").isEqualTo(expected));
      for (String name : List.of("blaze-wrapped", "blaze-native")) {
        List<BlazeRecord> read = clients.get(name).query(COLLECTION, Query.all());
        assertThat(read).as(name + " query: " + firstDifference(read, all)).isEqualTo(all);
      }
    } finally {
      clients.values().forEach(BlazeClient::close);
    }
  }

  private static String firstDifference(List<BlazeRecord> read, List<BlazeRecord> stored) {
    for (int i = 0; i < Math.min(read.size(), stored.size()); i++) {
      if (!read.get(i).equals(stored.get(i))) {
        return "record " + i + " read " + read.get(i) + ", stored " + stored.get(i);
      }
    }
    return read.size() + " records read, " + stored.size() + " stored";
  }

  private static Query openHighPriority() {
    return Query.builder()
        .whereEquals("status", BlazeValue.string("open"))
        .where("priority", FilterOp.GTE, BlazeValue.integer(3))
        .sortDescending("createdAt")
        .limit(20)
        .build();
  }

  private static Query perStatus() {
    return Query.builder()
        .groupBy("status")
        .aggregate(AggregateFunction.COUNT, null, "n")
        .aggregate(AggregateFunction.AVG, "priority", "meanPriority")
        .build();
  }

  /** What a replay loop saw: problems, how many requests were accepted or refused, and how. */
  private static final class Tally {
    final List<String> problems = new ArrayList<>();
    final Map<String, Integer> outcomes = new TreeMap<>();
    int accepted;
    int refused;

    void count(boolean ok, String outcome) {
      outcomes.merge(outcome, 1, Integer::sum);
      if (ok) {
        accepted++;
      } else {
        refused++;
      }
    }

    /** Prints the outcomes under {@code label} and requires that there was no problem. */
    void report(String label) {
      System.out.println(label + ": " + outcomes);
      assertThat(problems).isEmpty();
    }

    void problem(String problem) {
      if (problems.size() < 20) {
        problems.add(problem);
      }
    }
  }
}

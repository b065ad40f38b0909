package dev.blazebench.protocol.client;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.json.RecordJson;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.query.QueryJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * {@link BlazeClient} for the reference server's REST/JSON API ({@code /v1/{collection}...}), on
 * the JDK's {@link HttpClient}: what a plain Java user of a JSON API would write. Records travel as
 * {@link RecordJson}, queries as {@link QueryJson}; every response is decoded fully into records
 * before a call returns, as the gRPC clients do.
 *
 * <p>Failures are {@link BlazeClientException}s of the same kinds the gRPC clients report: the
 * server's error body names a gRPC status code ({@code {"error":"NOT_FOUND","message":...}}), and
 * {@link HttpFailures} maps bare HTTP statuses and I/O errors. {@link ClientSettings#deadline()}
 * bounds each call, body included; {@link ClientSettings#maxInboundMessageBytes()} bounds each
 * (decompressed) response; {@link ClientSettings#formatVersion()} does not apply.
 *
 * <pre>{@code
 * try (RestJsonClient client = RestJsonClient.builder(URI.create("http://127.0.0.1:8080"))
 *     .gzip(true)                          // Accept-Encoding: gzip
 *     .httpVersion(HttpClient.Version.HTTP_2) // h2c upgrade on the first request
 *     .build()) {
 *   UUID id = client.insert("bugs", bug);
 * }
 * }</pre>
 */
public final class RestJsonClient implements BlazeClient {

  /** Records per batch the client hands out when a stream is asked for with batch size 0. */
  public static final int DEFAULT_STREAM_BATCH_SIZE = 1000;

  private static final String JSON = "application/json";

  private final HttpClient http;
  private final URI baseUri;
  private final ClientSettings settings;
  private final boolean gzip;
  private final AtomicBoolean closed; // shared with views made by withDeadline
  private final boolean owner; // false for a view: closing it leaves the client open

  private RestJsonClient(
      HttpClient http,
      URI baseUri,
      ClientSettings settings,
      boolean gzip,
      AtomicBoolean closed,
      boolean owner) {
    this.http = http;
    this.baseUri = baseUri;
    this.settings = settings;
    this.gzip = gzip;
    this.closed = closed;
    this.owner = owner;
  }

  /** A client for the server at {@code target} ({@code host:port}), HTTP/1.1, no compression. */
  public static RestJsonClient forTarget(String target) {
    return builder(URI.create("http://" + target)).build();
  }

  /** A builder for a client of the server at {@code baseUri} ({@code http://host:port}). */
  public static Builder builder(URI baseUri) {
    return new Builder(baseUri);
  }

  /** The server this client calls. */
  public URI baseUri() {
    return baseUri;
  }

  /** Whether this client asks for gzip-compressed responses. */
  public boolean gzip() {
    return gzip;
  }

  /** The HTTP version the client asks for (HTTP/2 over {@code http://} is an h2c upgrade). */
  public HttpClient.Version httpVersion() {
    return http.version();
  }

  @Override
  public RestJsonClient withDeadline(Duration deadline) {
    return new RestJsonClient(http, baseUri, settings.withDeadline(deadline), gzip, closed, false);
  }

  @Override
  public UUID insert(String collection, BlazeRecord record) {
    BlazeRecord response =
        call(
            "Insert",
            post(collectionUri(collection, "", "?return=id"), RecordJson.toJsonBytes(record)),
            RecordJson::readRecord);
    return uuidField("Insert", response, "id");
  }

  @Override
  public BlazeRecord insertReturningRecord(String collection, BlazeRecord record) {
    return call(
        "Insert",
        post(collectionUri(collection, "", ""), RecordJson.toJsonBytes(record)),
        RecordJson::readRecord);
  }

  @Override
  public List<UUID> insertMany(String collection, List<BlazeRecord> records) {
    BlazeRecord response =
        call(
            "InsertMany",
            post(
                collectionUri(collection, "/batch", "?return=id"), RecordJson.toJsonBytes(records)),
            RecordJson::readRecord);
    List<BlazeValue> ids = arrayField("InsertMany", response, "ids");
    if (ids.size() != records.size()) {
      throw GrpcFailures.malformed(
          "InsertMany",
          new IllegalStateException(
              "sent " + records.size() + " records, got " + ids.size() + " ids"));
    }
    List<UUID> result = new ArrayList<>(ids.size());
    for (BlazeValue id : ids) {
      if (!(id instanceof BlazeValue.UuidValue uuid)) {
        throw GrpcFailures.malformed(
            "InsertMany", new IllegalStateException("an id is not a UUID: " + id));
      }
      result.add(uuid.value());
    }
    return result;
  }

  @Override
  public List<BlazeRecord> insertManyReturningRecords(
      String collection, List<BlazeRecord> records) {
    BlazeRecord response =
        call(
            "InsertMany",
            post(collectionUri(collection, "/batch", ""), RecordJson.toJsonBytes(records)),
            RecordJson::readRecord);
    return recordsField("InsertMany", response, "records");
  }

  @Override
  public BlazeRecord fetch(String collection, UUID id) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(collectionUri(collection, "/" + id, "")).GET();
    return call("Fetch", request, RecordJson::readRecord);
  }

  @Override
  public BlazeRecord update(String collection, UUID id, BlazeRecord changes) {
    BlazeValue given = changes.get("id");
    if (given != null && !given.equals(BlazeValue.uuid(id))) {
      throw new IllegalArgumentException(
          "changes carry id " + given + " but the update is for " + id + "; an id cannot change");
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(collectionUri(collection, "/" + id, ""))
            .header("Content-Type", JSON)
            .method(
                "PATCH", HttpRequest.BodyPublishers.ofByteArray(RecordJson.toJsonBytes(changes)));
    return call("Update", request, RecordJson::readRecord);
  }

  @Override
  public void delete(String collection, UUID id) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(collectionUri(collection, "/" + id, "")).DELETE();
    call("Delete", request, body -> null);
  }

  @Override
  public List<BlazeRecord> query(String collection, Query query) {
    BlazeRecord response =
        call(
            "Query",
            post(collectionUri(collection, "/query", ""), queryBytes(query)),
            RecordJson::readRecord);
    return recordsField("Query", response, "records");
  }

  @Override
  public List<BlazeRecord> aggregate(String collection, Query query) {
    BlazeRecord response =
        call(
            "Aggregate",
            post(collectionUri(collection, "/aggregate", ""), queryBytes(query)),
            RecordJson::readRecord);
    return recordsField("Aggregate", response, "rows");
  }

  @Override
  public BatchStream streamQuery(String collection, Query query, int batchSize) {
    if (batchSize < 0) {
      throw new IllegalArgumentException("batchSize must not be negative, was " + batchSize);
    }
    int clientBatch = batchSize == 0 ? DEFAULT_STREAM_BATCH_SIZE : batchSize;
    String parameters = batchSize == 0 ? "" : "?batchSize=" + batchSize;
    HttpCall call =
        start(
            "StreamQuery",
            post(collectionUri(collection, "/stream", parameters), queryBytes(query)));
    if (call.status() != 200) {
      throw failed("StreamQuery", call);
    }
    NdjsonBatches batches = new NdjsonBatches(call, clientBatch, "StreamQuery");
    return new BatchStream(
        call.context(), batches, (List<BlazeRecord> batch) -> batch, "StreamQuery");
  }

  /**
   * Stops new calls (a view from {@link #withDeadline} leaves the client open). The JDK's {@link
   * HttpClient} (Java 17) has no close of its own: its idle connections close when it is garbage
   * collected or the server times them out.
   */
  @Override
  public void close() {
    if (owner) {
      closed.set(true);
    }
  }

  // ---- plumbing ----

  private <T> T call(String operation, HttpRequest.Builder request, Function<byte[], T> decode) {
    HttpCall call = start(operation, request);
    try {
      int status = call.status();
      if (status < 200 || status > 299) {
        throw failed(operation, call);
      }
      byte[] body = call.readBody(settings.maxInboundMessageBytes());
      try {
        return decode.apply(body);
      } catch (RuntimeException e) {
        throw GrpcFailures.malformed(operation, e);
      }
    } finally {
      call.close();
    }
  }

  private HttpCall start(String operation, HttpRequest.Builder request) {
    if (closed.get()) {
      throw HttpFailures.withCode(
          operation, io.grpc.Status.Code.UNAVAILABLE, "the client is closed", null);
    }
    request.header("Accept", JSON);
    if (gzip) {
      request.header("Accept-Encoding", "gzip");
    }
    return HttpCall.start(http, request, settings.deadline(), operation);
  }

  /** The failure an error response stands for; reads at most 64 KiB of its body. */
  private static BlazeClientException failed(String operation, HttpCall call) {
    try {
      byte[] body;
      try {
        body = call.readBody(64 * 1024);
      } catch (BlazeClientException unreadable) {
        body = new byte[0];
      }
      return HttpFailures.fromResponse(operation, call.status(), body);
    } finally {
      call.close();
    }
  }

  private static HttpRequest.Builder post(URI uri, byte[] json) {
    return HttpRequest.newBuilder(uri)
        .header("Content-Type", JSON)
        .POST(HttpRequest.BodyPublishers.ofByteArray(json));
  }

  private static byte[] queryBytes(Query query) {
    return QueryJson.toJsonString(query).getBytes(StandardCharsets.UTF_8);
  }

  private URI collectionUri(String collection, String suffix, String parameters) {
    Objects.requireNonNull(collection, "collection");
    return baseUri.resolve("/v1/" + PathSegments.encode(collection) + suffix + parameters);
  }

  private static UUID uuidField(String operation, BlazeRecord response, String name) {
    if (response.get(name) instanceof BlazeValue.UuidValue id) {
      return id.value();
    }
    throw GrpcFailures.malformed(
        operation, new IllegalStateException("response has no uuid \"" + name + "\": " + response));
  }

  private static List<BlazeValue> arrayField(String operation, BlazeRecord response, String name) {
    if (response.get(name) instanceof BlazeValue.ArrayValue array) {
      if (response.get("count") instanceof BlazeValue.IntValue count
          && count.value() != array.items().size()) {
        throw GrpcFailures.malformed(
            operation,
            new IllegalStateException(
                "\"count\" is "
                    + count.value()
                    + " but \""
                    + name
                    + "\" has "
                    + array.items().size()
                    + " items"));
      }
      return array.items();
    }
    throw GrpcFailures.malformed(
        operation, new IllegalStateException("response has no array \"" + name + "\""));
  }

  private static List<BlazeRecord> recordsField(
      String operation, BlazeRecord response, String name) {
    List<BlazeValue> items = arrayField(operation, response, name);
    List<BlazeRecord> records = new ArrayList<>(items.size());
    for (BlazeValue item : items) {
      if (!(item instanceof BlazeValue.DictionaryValue object)) {
        throw GrpcFailures.malformed(
            operation,
            new IllegalStateException("an item of \"" + name + "\" is not an object: " + item));
      }
      records.add(object.entries());
    }
    return records;
  }

  /**
   * Builds a {@link RestJsonClient}; defaults: HTTP/1.1, no gzip, {@link
   * ClientSettings#defaults()}.
   */
  public static final class Builder {
    private final URI baseUri;
    private ClientSettings settings = ClientSettings.defaults();
    private boolean gzip;
    private HttpClient.Version version = HttpClient.Version.HTTP_1_1;
    private Duration connectTimeout = Duration.ofSeconds(10);

    private Builder(URI baseUri) {
      Objects.requireNonNull(baseUri, "baseUri");
      if (!"http".equals(baseUri.getScheme()) || baseUri.getHost() == null) {
        throw new IllegalArgumentException("baseUri must be http://host:port, was " + baseUri);
      }
      this.baseUri = baseUri;
    }

    public Builder settings(ClientSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** Ask for gzip-compressed responses ({@code Accept-Encoding: gzip}). */
    public Builder gzip(boolean gzip) {
      this.gzip = gzip;
      return this;
    }

    /** HTTP/1.1 (keep-alive) or HTTP/2 (h2c: an upgrade on the first request of a connection). */
    public Builder httpVersion(HttpClient.Version version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      if (connectTimeout.isNegative() || connectTimeout.isZero()) {
        throw new IllegalArgumentException(
            "connectTimeout must be positive, was " + connectTimeout);
      }
      this.connectTimeout = connectTimeout;
      return this;
    }

    public RestJsonClient build() {
      HttpClient http =
          HttpClient.newBuilder().version(version).connectTimeout(connectTimeout).build();
      return new RestJsonClient(http, baseUri, settings, gzip, new AtomicBoolean(), true);
    }
  }
}

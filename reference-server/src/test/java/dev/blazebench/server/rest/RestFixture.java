package dev.blazebench.server.rest;

import dev.blazebench.protocol.workload.BugWorkload;
import dev.blazebench.server.core.BlazeDatabase;
import dev.blazebench.server.store.BlazeStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

/** A real {@link RestServer} on 127.0.0.1 over a fresh store, with a raw JDK HTTP client. */
final class RestFixture implements AutoCloseable {

  final BlazeStore store;
  final BlazeDatabase db;
  final RestServer server;
  final HttpClient http;

  private RestFixture(BlazeStore store, RestServer server) {
    this.store = store;
    this.db = new BlazeDatabase(store);
    this.server = server;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  static RestFixture start(Path dataDir) {
    return start(dataDir, RestOptions.defaults());
  }

  static RestFixture start(Path dataDir, RestOptions options) {
    BlazeStore store = BlazeStore.open(dataDir);
    try {
      RestServer server = RestServer.start(new BlazeDatabase(store), options.withPort(0));
      return new RestFixture(store, server);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.actualPort() + pathAndQuery);
  }

  /** Sends {@code request} and returns the response with its body as text. */
  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** Inserts the first {@code count} canonical workload bugs into collection {@code bugs}. */
  void insertBugs(int count) {
    for (int from = 0; from < count; from += 5_000) {
      db.insertMany(
          "bugs", BugWorkload.bugs(BugWorkload.DEFAULT_SEED, from, Math.min(5_000, count - from)));
    }
  }

  /** Starts a streamed query of every bug, NDJSON in batches of {@code batchSize}, body unread. */
  HttpResponse<InputStream> openStream(int batchSize) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri("/v1/bugs/stream?batchSize=" + batchSize))
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build(),
        HttpResponse.BodyHandlers.ofInputStream());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  static String gunzip(byte[] body) throws IOException {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      store.close();
    }
  }
}

package dev.blazebench.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.protocol.json.RecordJson;
import dev.blazebench.protocol.workload.BugWorkload;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP behaviour a REST baseline must have: gzip on request, keep-alive, h2c. */
class RestTransportTest {

  private static final String QUERY_1000 = "{\"limit\": 1000}";

  private RestFixture rest;

  @BeforeEach
  void start(@TempDir Path dataDir) {
    rest = RestFixture.start(dataDir);
    rest.db.insertMany("bugs", BugWorkload.bugs(BugWorkload.DEFAULT_SEED, 0, 1000));
  }

  @AfterEach
  void stop() {
    rest.close();
  }

  @Test
  void responsesAreGzippedWhenTheClientAsks() throws Exception {
    HttpResponse<byte[]> gzipped =
        rest.http.send(
            queryRequest().header("Accept-Encoding", "gzip").build(),
            HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<String> plain = rest.postJson("/v1/bugs/query", QUERY_1000);

    assertThat(gzipped.statusCode()).isEqualTo(200);
    assertThat(gzipped.headers().firstValue("content-encoding")).hasValue("gzip");
    String unzipped = RestFixture.gunzip(gzipped.body());
    assertThat(unzipped).isEqualTo(plain.body());
    assertThat(gzipped.body().length).isLessThan(plain.body().length() / 3);
  }

  @Test
  void responsesAreNotCompressedUnlessAsked() throws Exception {
    HttpResponse<String> plain = rest.postJson("/v1/bugs/query", QUERY_1000);

    assertThat(plain.headers().firstValue("content-encoding")).isEmpty();
    assertThat(plain.body()).startsWith("{\"records\":[{").endsWith(",\"count\":1000}");
  }

  @Test
  void streamedResponsesAreGzippedWhenAsked() throws Exception {
    HttpResponse<byte[]> gzipped =
        rest.http.send(
            HttpRequest.newBuilder(rest.uri("/v1/bugs/stream?batchSize=100"))
                .header("Accept-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(gzipped.headers().firstValue("content-encoding")).hasValue("gzip");
    assertThat(gzipped.headers().firstValue("content-type")).hasValue("application/x-ndjson");
    assertThat(RestFixture.gunzip(gzipped.body()).lines()).hasSize(1000);
  }

  @Test
  void gzippedRequestBodiesAreAccepted() throws Exception {
    byte[] json = RecordJson.toJsonBytes(BugWorkload.newBug(BugWorkload.DEFAULT_SEED, 5000));
    java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(zipped)) {
      out.write(json);
    }
    HttpResponse<String> response =
        rest.send(
            HttpRequest.newBuilder(rest.uri("/v1/bugs"))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray()))
                .build());

    assertThat(response.statusCode()).isEqualTo(201);
    BlazeRecord stored = RecordJson.readRecord(response.body());
    assertThat(stored.get("title"))
        .isEqualTo(BugWorkload.newBug(BugWorkload.DEFAULT_SEED, 5000).get("title"));
  }

  @Test
  void http11KeepAliveReusesOneConnection() throws Exception {
    long before = rest.server.metrics().connectionsOpened();
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> response = rest.postJson("/v1/bugs/query", "{\"limit\": 5}");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
      assertThat(response.headers().firstValue("connection")).isNotEqualTo("close");
    }
    assertThat(rest.server.metrics().connectionsOpened() - before).isEqualTo(1);
  }

  @Test
  void h2cUpgradeServesHttp2OnThePlainPort() throws Exception {
    HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    long before = rest.server.metrics().connectionsOpened();

    // The JDK client asks for "Upgrade: h2c" on its first request to an http:// URI.
    HttpResponse<String> first =
        h2.send(getRequest("/v1/bugs/" + BugWorkload.id(BugWorkload.DEFAULT_SEED, 7)), utf8());
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.version()).isEqualTo(HttpClient.Version.HTTP_2);

    // Later requests, bodies included, are multiplexed on that one connection.
    List<CompletableFuture<HttpResponse<String>>> concurrent = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      concurrent.add(h2.sendAsync(queryRequest().build(), utf8()));
    }
    for (CompletableFuture<HttpResponse<String>> response : concurrent) {
      assertThat(response.get().version()).isEqualTo(HttpClient.Version.HTTP_2);
      assertThat(response.get().body()).endsWith(",\"count\":1000}");
    }
    assertThat(rest.server.metrics().connectionsOpened() - before).isEqualTo(1);
  }

  @Test
  void h2cUpgradeWorksOnAPostWithABody() throws Exception {
    HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();

    HttpResponse<String> first = h2.send(queryRequest().build(), utf8());

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).endsWith(",\"count\":1000}");
    HttpResponse<String> second = h2.send(queryRequest().build(), utf8());
    assertThat(second.version()).isEqualTo(HttpClient.Version.HTTP_2);
  }

  private HttpRequest.Builder queryRequest() {
    return HttpRequest.newBuilder(rest.uri("/v1/bugs/query"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(QUERY_1000));
  }

  private HttpRequest getRequest(String path) {
    return HttpRequest.newBuilder(rest.uri(path)).GET().build();
  }

  private static HttpResponse.BodyHandler<String> utf8() {
    return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
  }
}

package dev.blazebench.server.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.client.BatchStream;
import dev.blazebench.protocol.client.BlazeClient;
import dev.blazebench.protocol.client.BlazeClientException;
import dev.blazebench.protocol.client.ClientSettings;
import dev.blazebench.protocol.client.RestJsonClient;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.workload.BugWorkload;
import io.grpc.Status;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RestJsonClient} against the real {@link RestServer} (and, for answers a correct server
 * never gives, against {@link FakeHttpServer}): what the contract suite does not cover — collection
 * names in URLs, deadlines, limits, cancellation, transport failures.
 */
class RestJsonClientTest {

  private RestFixture rest;
  private RestJsonClient client;

  @BeforeEach
  void start(@TempDir Path dataDir) {
    rest = RestFixture.start(dataDir);
    client = RestJsonClient.builder(rest.uri("")).build();
  }

  @AfterEach
  void stop() {
    client.close();
    rest.close();
  }

  @Test
  void collectionNamesArePercentEncodedInThePath() {
    String collection = "open bugs/2025 ü?#%";
    BlazeRecord bug = BugWorkload.newBug(BugWorkload.DEFAULT_SEED, 0);

    UUID id = client.insert(collection, bug);

    assertThat(rest.db.fetch(collection, id).get("title")).isEqualTo(bug.get("title"));
    assertThat(client.fetch(collection, id).get("title")).isEqualTo(bug.get("title"));
    assertThat(rest.store.collections()).containsExactly(collection);
  }

  @Test
  void errorsCarryTheServersCodeAndMessage() {
    UUID id = UUID.randomUUID();

    assertThatThrownBy(() -> client.fetch("bugs", id))
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.NOT_FOUND);
              assertThat(e.status().getCode()).isEqualTo(Status.Code.NOT_FOUND);
              assertThat(e.status().getDescription()).contains(id.toString());
              assertThat(e.getMessage()).startsWith("Fetch failed with NOT_FOUND (HTTP 404)");
            });
  }

  @Test
  void unreachableServerIsUnavailable() {
    rest.server.close();

    assertThatThrownBy(() -> client.fetch("bugs", UUID.randomUUID()))
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.UNAVAILABLE))
        .hasMessageContaining("Fetch failed with UNAVAILABLE");
  }

  @Test
  void responseOverTheClientsLimitIsResourceExhausted() {
    rest.db.insertMany("bugs", BugWorkload.bugs(BugWorkload.DEFAULT_SEED, 0, 100));
    RestJsonClient small =
        RestJsonClient.builder(rest.uri(""))
            .settings(ClientSettings.defaults().withMaxInboundMessageBytes(10_000))
            .build();

    assertThatThrownBy(() -> small.query("bugs", Query.all()))
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.RESOURCE_EXHAUSTED))
        .hasMessageContaining("10000 bytes");
    // The connection is still good for the next call.
    assertThat(small.query("bugs", Query.builder().limit(2).build())).hasSize(2);
  }

  @Test
  void deadlineCoversTheWholeStreamNotOnlyItsHeaders() throws Exception {
    rest.db.insertMany("bugs", BugWorkload.bugs(BugWorkload.DEFAULT_SEED, 0, 3000));
    // Generous enough that the first batch arrives in time on a loaded 2-core CI machine; the
    // sleep below then outlasts it by a clear margin.
    BlazeClient shortDeadline = client.withDeadline(Duration.ofSeconds(3));

    try (BatchStream batches = shortDeadline.streamQuery("bugs", Query.all(), 100)) {
      assertThat(batches.next()).hasSize(100);
      Thread.sleep(4_000); // past the deadline: what follows must fail, not trickle in

      assertThatThrownBy(
              () -> {
                while (batches.hasNext()) {
                  batches.next();
                }
              })
          .isInstanceOfSatisfying(
              BlazeClientException.class,
              e -> assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.DEADLINE_EXCEEDED));
    }
  }

  @Test
  void closingAStreamEarlyStopsTheServersStream() throws Exception {
    rest.db.insertMany("bugs", BugWorkload.bugs(BugWorkload.DEFAULT_SEED, 0, 20_000));

    try (BatchStream batches = client.streamQuery("bugs", Query.all(), 100)) {
      assertThat(batches.next()).hasSize(100);
    }

    RestStreamBackpressureTest.awaitUntil(
        () -> rest.server.metrics().aborted() == 1, Duration.ofSeconds(30));
    assertThat(rest.server.metrics().completed()).isZero();
  }

  @Test
  void streamBatchesHoldAtMostTheBatchSize() {
    rest.db.insertMany("bugs", BugWorkload.bugs(BugWorkload.DEFAULT_SEED, 0, 250));

    List<Integer> sizes = new java.util.ArrayList<>();
    long total = client.streamQuery("bugs", Query.all(), 0, batch -> sizes.add(batch.size()));

    assertThat(total).isEqualTo(250);
    assertThat(sizes).containsExactly(250); // batch size 0: the client's default, 1000
  }

  @Test
  void aClosedClientRefusesCallsButItsDeadlineViewsDoNotCloseIt() {
    BlazeClient view = client.withDeadline(Duration.ofSeconds(5));
    view.close();
    assertThat(client.query("bugs", Query.all())).isEmpty();

    client.close();

    assertThatThrownBy(() -> client.query("bugs", Query.all()))
        .isInstanceOfSatisfying(
            BlazeClientException.class,
            e -> assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.UNAVAILABLE));
  }

  @Test
  void gzipClientAsksForGzipAndDecodesIt() throws Exception {
    byte[] json =
        "{\"records\":[{\"title\":\"zipped\"}],\"count\":1}".getBytes(StandardCharsets.UTF_8);
    try (FakeHttpServer fake = FakeHttpServer.answering(200, gzip(json), "gzip")) {
      RestJsonClient gzipClient =
          RestJsonClient.builder(URI.create(fake.baseUri())).gzip(true).build();

      List<BlazeRecord> records = gzipClient.query("bugs", Query.all());

      assertThat(records)
          .containsExactly(BlazeRecord.builder().put("title", BlazeValue.string("zipped")).build());
      assertThat(fake.lastRequestHeader("accept-encoding")).isEqualTo("gzip");
    }
  }

  @Test
  void answersThatDoNotDecodeAreMalformedResponses() throws Exception {
    byte[] notRecords = "{\"records\":[1, 2],\"count\":2}".getBytes(StandardCharsets.UTF_8);
    try (FakeHttpServer fake = FakeHttpServer.answering(200, notRecords, null)) {
      RestJsonClient fakeClient = RestJsonClient.builder(URI.create(fake.baseUri())).build();

      assertThatThrownBy(() -> fakeClient.query("bugs", Query.all()))
          .isInstanceOfSatisfying(
              BlazeClientException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.MALFORMED_RESPONSE);
                assertThat(e.status()).isNull();
              })
          .hasMessageContaining("not an object");
    }
  }

  @Test
  void errorsWithoutOurBodyFallBackOnTheHttpStatus() throws Exception {
    byte[] html = "<html>Bad Gateway</html>".getBytes(StandardCharsets.UTF_8);
    try (FakeHttpServer fake = FakeHttpServer.answering(502, html, null)) {
      RestJsonClient fakeClient = RestJsonClient.builder(URI.create(fake.baseUri())).build();

      assertThatThrownBy(() -> fakeClient.fetch("bugs", UUID.randomUUID()))
          .isInstanceOfSatisfying(
              BlazeClientException.class,
              e -> assertThat(e.kind()).isEqualTo(BlazeClientException.Kind.UNAVAILABLE))
          .hasMessageContaining("<html>Bad Gateway</html>");
    }
  }

  private static byte[] gzip(byte[] bytes) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    }
    return out.toByteArray();
  }
}

package dev.blazebench.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.client.BlazeGrpcClient;
import dev.blazebench.protocol.client.Change;
import dev.blazebench.protocol.client.ChangeSubscription;
import dev.blazebench.protocol.workload.BugWorkload;
import dev.blazebench.server.ReferenceServer;
import dev.blazebench.server.store.StoreOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** REST polling ({@code GET /v1/{collection}/changes}) against a real server. */
class ChangePollingTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dataDir;

  @Test
  void pollingSeesTheSameChangesAsAGrpcSubscriber() throws Exception {
    try (ReferenceServer server = ReferenceServer.start(GrpcSubscribeTest.options(dataDir));
        BlazeGrpcClient client = BlazeGrpcClient.forTarget(GrpcSubscribeTest.target(server))) {
      RecordingListener grpc = new RecordingListener();
      try (ChangeSubscription subscription = client.subscribe("notes", 0, grpc)) {
        List<UUID> ids = client.insertMany("notes", BugWorkload.bugs(7, 0, 3));
        client.update(
            "notes",
            ids.get(0),
            BlazeRecord.builder().put("title", BlazeValue.nullValue()).build());
        client.delete("notes", ids.get(1));
        List<Change> pushed = grpc.awaitChanges(5);

        // Two pages of at most 3, then nothing new.
        JsonNode first = get(server, "/v1/notes/changes?since=0&limit=3", 200);
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(first.get("lastSequence").asLong()).isEqualTo(5);
        List<JsonNode> polled = new ArrayList<>();
        first.get("changes").forEach(polled::add);
        long since = polled.get(polled.size() - 1).get("sequence").asLong();
        JsonNode second = get(server, "/v1/notes/changes?since=" + since + "&limit=3", 200);
        assertThat(second.get("hasMore").asBoolean()).isFalse();
        second.get("changes").forEach(polled::add);
        JsonNode none = get(server, "/v1/notes/changes?since=5", 200);
        assertThat(none.get("changes")).isEmpty();

        assertThat(polled).hasSize(5);
        for (int i = 0; i < 5; i++) {
          JsonNode change = polled.get(i);
          Change expected = pushed.get(i);
          assertThat(change.get("sequence").asLong()).isEqualTo(expected.sequence());
          assertThat(change.get("commitTimeMicros").asLong())
              .isEqualTo(expected.commitTimeMicros());
          assertThat(change.get("id").asText())
              .isEqualTo(expected.operation().recordId().toString());
          assertThat(change.get("type").asText())
              .isEqualTo(expected.operation().type().name().toLowerCase(java.util.Locale.ROOT));
        }
        assertThat(polled.get(3).get("changes").get("title").isNull()).isTrue();
        assertThat(polled.get(4).get("changes")).isEmpty();
        assertThat(subscription).isNotNull();
      }
    }
  }

  @Test
  void anExpiredSequenceIsGone() throws Exception {
    try (ReferenceServer server =
            ReferenceServer.start(
                GrpcSubscribeTest.options(dataDir)
                    .withStore(
                        StoreOptions.defaults().withChangeLogRetention(5, Duration.ofHours(1))));
        BlazeGrpcClient client = BlazeGrpcClient.forTarget(GrpcSubscribeTest.target(server))) {
      client.insertMany("notes", BugWorkload.bugs(8, 0, 10));
      JsonNode gone = get(server, "/v1/notes/changes?since=1", 410);
      assertThat(gone.get("error").asText()).isEqualTo("FAILED_PRECONDITION");
      assertThat(gone.get("message").asText()).startsWith("resync needed: ");
      assertThat(gone.get("lastSequence").asLong()).isEqualTo(10);
      assertThat(get(server, "/v1/notes/changes?since=7", 200).get("changes")).hasSize(3);
      assertThat(get(server, "/v1/notes/changes?since=-1", 400).get("message").asText())
          .startsWith("since: ");
    }
  }

  private JsonNode get(ReferenceServer server, String path, int expectedStatus) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://" + server.httpAddress() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    return JSON.readTree(response.body());
  }
}

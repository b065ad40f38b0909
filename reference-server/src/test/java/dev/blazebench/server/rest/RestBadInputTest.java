package dev.blazebench.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blazebench.protocol.json.RecordJson;
import dev.blazebench.protocol.workload.BugWorkload;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input over raw HTTP: each gets the right status and a JSON body naming the problem, nothing
 * is half-written, and the server keeps serving.
 */
class RestBadInputTest {

  private static final int LIMIT_BYTES = 64 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private RestFixture rest;

  @BeforeEach
  void start(@TempDir Path dataDir) {
    rest = RestFixture.start(dataDir, RestOptions.defaults().withMaxBodyBytes(LIMIT_BYTES));
  }

  @AfterEach
  void stop() {
    rest.close();
  }

  @Test
  void malformedJsonIs400WithTheParsersMessageAndPosition() throws Exception {
    HttpResponse<String> response =
        rest.postJson("/v1/bugs", "{\"title\": \"x\",\n \"priority\": }");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.get("error").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(error.get("message").asText())
        .startsWith("$.priority: malformed JSON: Unexpected character ('}'")
        .endsWith("at line 2, column 14");
    assertServerStillServes();
  }

  @Test
  void malformedBatchWritesNothing() throws Exception {
    String first = RecordJson.toJson(BugWorkload.newBug(BugWorkload.DEFAULT_SEED, 0));
    HttpResponse<String> response =
        rest.postJson("/v1/bugs/batch", "[" + first + ", {\"title\": ]");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("message").asText())
        .startsWith("$[1].title: malformed JSON");
    assertThat(rest.db.count("bugs")).isZero();
  }

  @Test
  void batchWithOneInvalidRecordWritesNothing() throws Exception {
    String good = RecordJson.toJson(BugWorkload.newBug(BugWorkload.DEFAULT_SEED, 0));
    HttpResponse<String> response =
        rest.postJson("/v1/bugs/batch", "[" + good + ", {\"title\": \"x\", \"id\": 42}]");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("message").asText()).contains("id");
    assertThat(rest.db.count("bugs")).isZero();
  }

  @Test
  void aRecordThatIsNotAnObjectIs400() throws Exception {
    HttpResponse<String> response = rest.postJson("/v1/bugs", "[1, 2]");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("message").asText())
        .isEqualTo("$: expected an object, found an array at line 1, column 1");
  }

  @Test
  void unknownIdIs404() throws Exception {
    UUID id = UUID.randomUUID();
    HttpResponse<String> response = rest.get("/v1/bugs/" + id);

    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.get("error").asText()).isEqualTo("NOT_FOUND");
    assertThat(error.get("message").asText()).contains(id.toString());
  }

  @Test
  void anIdThatIsNotAUuidIs400() throws Exception {
    HttpResponse<String> response = rest.get("/v1/bugs/42");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("message").asText())
        .startsWith("id: \"42\" is not a UUID");
  }

  @Test
  void takenIdIs409() throws Exception {
    UUID id = BugWorkload.id(BugWorkload.DEFAULT_SEED, 0);
    String bug = RecordJson.toJson(BugWorkload.bug(BugWorkload.DEFAULT_SEED, 0));
    assertThat(rest.postJson("/v1/bugs", bug).statusCode()).isEqualTo(201);

    HttpResponse<String> again = rest.postJson("/v1/bugs", bug);

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(again.body()).get("error").asText()).isEqualTo("ALREADY_EXISTS");
    assertThat(JSON.readTree(again.body()).get("message").asText()).contains(id.toString());
  }

  @Test
  void bodyOverTheLimitIs413AndNothingIsWritten() throws Exception {
    String big = "{\"title\": \"" + "x".repeat(LIMIT_BYTES) + "\"}";
    HttpResponse<String> response = rest.postJson("/v1/bugs", big);

    assertThat(response.statusCode()).isEqualTo(413);
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.get("error").asText()).isEqualTo("RESOURCE_EXHAUSTED");
    assertThat(error.get("message").asText()).contains(String.valueOf(LIMIT_BYTES));
    assertThat(rest.db.count("bugs")).isZero();
    assertServerStillServes();
  }

  @Test
  void bodyJustUnderTheLimitIsAccepted() throws Exception {
    String prefix = "{\"title\": \"";
    String suffix = "\"}";
    String body = prefix + "x".repeat(LIMIT_BYTES - prefix.length() - suffix.length()) + suffix;

    assertThat(body.length()).isEqualTo(LIMIT_BYTES);
    assertThat(rest.postJson("/v1/bugs", body).statusCode()).isEqualTo(201);
  }

  @Test
  void invalidQueryIs400NamingThePath() throws Exception {
    HttpResponse<String> response =
        rest.postJson(
            "/v1/bugs/query", "{\"filters\": [{\"field\": \"status\", \"op\": \"equals\"}]}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("message").asText())
        .startsWith("invalid query: filters[0].op: unknown operator \"equals\"");
  }

  @Test
  void malformedQueryJsonIs400WithPosition() throws Exception {
    HttpResponse<String> response = rest.postJson("/v1/bugs/query", "{\"limit\": 10");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("message").asText())
        .startsWith("invalid query: malformed JSON: Unexpected end-of-input")
        .contains("line 1, column");
  }

  @Test
  void invalidStreamQueryIs400BeforeAnyRecord() throws Exception {
    HttpResponse<String> response = rest.postJson("/v1/bugs/stream", "{\"groupBy\": [\"status\"]}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(rest.server.metrics().started()).isZero();
  }

  @Test
  void formBodiesAre415() throws Exception {
    HttpResponse<String> response =
        rest.send(
            HttpRequest.newBuilder(rest.uri("/v1/bugs"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("title=x"))
                .build());

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(JSON.readTree(response.body()).get("message").asText())
        .contains("application/x-www-form-urlencoded");
  }

  @Test
  void unknownRoutesAndMethodsAnswerJson() throws Exception {
    HttpResponse<String> noRoute = rest.get("/v2/bugs");
    HttpResponse<String> wrongMethod =
        rest.send(
            HttpRequest.newBuilder(rest.uri("/v1/bugs/" + UUID.randomUUID()))
                .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(noRoute.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(noRoute.body()).get("error").asText()).isEqualTo("UNIMPLEMENTED");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(JSON.readTree(wrongMethod.body()).get("error").asText()).isEqualTo("UNIMPLEMENTED");
  }

  @Test
  void badQueryParametersAre400() throws Exception {
    assertThat(rest.postJson("/v1/bugs?return=everything", "{}").statusCode()).isEqualTo(400);
    assertThat(rest.postJson("/v1/bugs/stream?batchSize=-1", "{}").statusCode()).isEqualTo(400);
    assertThat(rest.get("/api/bugs?limit=many").statusCode()).isEqualTo(400);
  }

  private void assertServerStillServes() throws Exception {
    HttpResponse<String> insert =
        rest.postJson("/v1/bugs?return=id", "{\"title\": \"still serving\"}");
    assertThat(insert.statusCode()).isEqualTo(201);
    String id = JSON.readTree(insert.body()).get("id").asText();
    assertThat(rest.get("/v1/bugs/" + id).statusCode()).isEqualTo(200);
  }
}

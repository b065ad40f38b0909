package dev.blazebench.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.protocol.json.RecordJson;
import dev.blazebench.protocol.query.Query;
import dev.blazebench.protocol.workload.BugWorkload;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's request form, {@code GET /api/bugs?status=open&limit=1000}. */
class RestSimpleQueryTest {

  private RestFixture rest;

  @BeforeEach
  void start(@TempDir Path dataDir) {
    rest = RestFixture.start(dataDir);
    rest.db.insertMany("bugs", BugWorkload.bugs(BugWorkload.DEFAULT_SEED, 0, 500));
  }

  @AfterEach
  void stop() {
    rest.close();
  }

  @Test
  void parametersAreTypedEqualityFiltersWithSortAndLimit() throws Exception {
    HttpResponse<String> response =
        rest.get("/api/bugs?status=open&priority=5&sort=-createdAt,title&offset=1&limit=4");

    Query same =
        Query.builder()
            .whereEquals("status", BlazeValue.string("open"))
            .whereEquals("priority", BlazeValue.integer(5))
            .sortDescending("createdAt")
            .sortAscending("title")
            .offset(1)
            .limit(4)
            .build();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(records(response.body(), "bugs")).isEqualTo(rest.db.query("bugs", same)).hasSize(4);
  }

  @Test
  void theSeedsRequestAnswersInTheSeedsShape() throws Exception {
    HttpResponse<String> response = rest.get("/api/bugs?status=open&limit=1000");

    assertThat(response.body()).startsWith("{\"bugs\":[{");
    List<BlazeRecord> bugs = records(response.body(), "bugs");
    assertThat(bugs)
        .isEqualTo(
            rest.db.query(
                "bugs",
                Query.builder()
                    .whereEquals("status", BlazeValue.string("open"))
                    .limit(1000)
                    .build()));
    assertThat(bugs).isNotEmpty().allMatch(b -> b.get("status").equals(BlazeValue.string("open")));
  }

  private static List<BlazeRecord> records(String body, String field) {
    BlazeValue.ArrayValue array = (BlazeValue.ArrayValue) RecordJson.readRecord(body).get(field);
    return array.items().stream()
        .map(item -> ((BlazeValue.DictionaryValue) item).entries())
        .toList();
  }
}

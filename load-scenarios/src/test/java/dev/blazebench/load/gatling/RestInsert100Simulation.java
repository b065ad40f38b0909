package dev.blazebench.load.gatling;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.blazebench.protocol.json.RecordJson;
import dev.blazebench.protocol.workload.BugWorkload;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The seed's batch insert over REST/JSON, as {@code blazebench load --scenario insert-100 --target
 * rest://...} runs it: {@code POST /v1/{collection}/batch?return=id} with 100 canonical workload
 * records (the same 100 distinct batches the driver cycles through, encoded before the run), open
 * model, shared keep-alive connections; each answer checked for status 201 and 100 ids. The
 * collection grows by 100 records per call.
 *
 * <pre>
 * ./mvnw -pl load-scenarios gatling:test \
 *     -Dgatling.simulationClass=dev.blazebench.load.gatling.RestInsert100Simulation \
 *     -Dbase.url=http://127.0.0.1:8080 -Drate=10
 * </pre>
 */
public class RestInsert100Simulation extends Simulation {

  private static final int BATCH = 100;
  private static final int DISTINCT_BATCHES = 100;

  private final SimulationSettings settings = SimulationSettings.fromSystemProperties();
  private final List<byte[]> batches = new ArrayList<>();
  private final AtomicLong next = new AtomicLong();

  private final HttpProtocolBuilder protocol =
      http.baseUrl(settings.baseUrl())
          .acceptHeader("application/json")
          .contentTypeHeader("application/json")
          .shareConnections()
          .maxConnectionsPerHost(settings.connections());

  private HttpRequestActionBuilder insert(String name) {
    return http(name)
        .post("/v1/" + settings.collection() + "/batch?return=id")
        .body(
            ByteArrayBody(
                session -> batches.get((int) (next.getAndIncrement() % DISTINCT_BATCHES))))
        .check(
            status().is(201),
            jsonPath("$.count").ofInt().is(BATCH),
            jsonPath("$.ids[*]").count().is(BATCH));
  }

  {
    for (int b = 0; b < DISTINCT_BATCHES; b++) {
      batches.add(
          RecordJson.toJsonBytes(BugWorkload.newBugs(BugWorkload.DEFAULT_SEED, b * BATCH, BATCH)));
    }
    ScenarioBuilder warmup = scenario("insert-100 warm-up").exec(insert("insertMany (warm-up)"));
    ScenarioBuilder measured = scenario("insert-100").exec(insert("insertMany"));
    setUp(
            warmup.injectOpen(constantUsersPerSec(settings.ratePerSec()).during(settings.warmup())),
            measured.injectOpen(
                nothingFor(settings.warmup()),
                constantUsersPerSec(settings.ratePerSec()).during(settings.duration())))
        .protocols(protocol)
        .assertions(details("insertMany").failedRequests().count().is(0L));
  }
}

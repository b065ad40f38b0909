package dev.blazebench.load.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * The seed's "fetch 1,000 records" over REST/JSON, as {@code blazebench load --scenario fetch-1000
 * --target rest://...} runs it: {@code POST /v1/{collection}/query} for the open bugs, limit 1000,
 * arrivals at a constant rate (open model), 4 shared keep-alive connections. Each answer is checked
 * for status 200 and 1,000 records. Warm-up calls are named {@code query (warm-up)} in the report;
 * {@code query} is the measured part. Any failed check fails the run.
 *
 * <pre>
 * ./mvnw -pl load-scenarios gatling:test \
 *     -Dgatling.simulationClass=dev.blazebench.load.gatling.RestFetch1000Simulation \
 *     -Dbase.url=http://127.0.0.1:8080 -Drate=10 -Dwarmup=15 -Dduration=30
 * </pre>
 */
public class RestFetch1000Simulation extends Simulation {

  /** The query fetch-1000 sends, as the REST API's JSON. */
  static final String OPEN_BUGS_LIMIT_1000 =
      "{\"filters\":[{\"field\":\"status\",\"op\":\"eq\",\"value\":\"open\"}],\"limit\":1000}";

  private final SimulationSettings settings = SimulationSettings.fromSystemProperties();

  private final HttpProtocolBuilder protocol =
      http.baseUrl(settings.baseUrl())
          .acceptHeader("application/json")
          .contentTypeHeader("application/json")
          .shareConnections()
          .maxConnectionsPerHost(settings.connections());

  private HttpRequestActionBuilder query(String name) {
    return http(name)
        .post("/v1/" + settings.collection() + "/query")
        .body(StringBody(OPEN_BUGS_LIMIT_1000))
        .check(
            status().is(200),
            jsonPath("$.count").ofInt().is(1000),
            jsonPath("$.records[*]").count().is(1000));
  }

  {
    ScenarioBuilder warmup = scenario("fetch-1000 warm-up").exec(query("query (warm-up)"));
    ScenarioBuilder measured = scenario("fetch-1000").exec(query("query"));
    setUp(
            warmup.injectOpen(constantUsersPerSec(settings.ratePerSec()).during(settings.warmup())),
            measured.injectOpen(
                nothingFor(settings.warmup()),
                constantUsersPerSec(settings.ratePerSec()).during(settings.duration())))
        .protocols(protocol)
        .assertions(details("query").failedRequests().count().is(0L));
  }
}

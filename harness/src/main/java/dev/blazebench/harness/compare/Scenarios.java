package dev.blazebench.harness.compare;

import dev.blazebench.load.run.Catalogue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scenarios {@code compare} knows how to run, the load it offers in each, and the APIs each
 * runs against. The rates are chosen so that every API keeps up on a 2-core machine with the server
 * pinned to one core (see harness/README.md, "Fairness"): a comparison at a load one API cannot
 * carry measures its queue, not its speed.
 */
final class Scenarios {

  static final String INSERT_100 = "insert-100";
  static final String FETCH_1000 = "fetch-1000";
  static final String GET_ONE = "get-one";
  static final String AGGREGATE = "aggregate";
  static final String CRUD_MIX = "crud-mix";
  static final String REALTIME = "realtime";
  static final String SYNC = "sync";

  /** The one API that serves the seed's bidirectional Sync. */
  static final String SYNC_API = "grpc-blazebinary";

  /** The request/response APIs, in the order a round runs them. */
  static final List<String> REQUEST_APIS =
      List.of("grpc-blazebinary", "grpc-native", "grpc-protobuf", "rest-json", "rest-json-gzip");

  /** The ways to follow changes live, in the order a round runs them. */
  static final List<String> REALTIME_APIS =
      List.of("grpc-blazebinary", "websocket-json", "rest-poll-1s", "rest-poll-5s");

  /** The API ratios are taken against: what most APIs in the wild speak. */
  static final String REFERENCE_API = "rest-json";

  /**
   * Writes go to their own collection, so the collection the read scenarios check ({@code bugs})
   * holds the same data for every API in every round.
   */
  static final String WRITE_COLLECTION = "compare-writes";

  private static final Duration DEADLINE = Duration.ofSeconds(5);

  /**
   * Offered load per scenario. fetch-1000 moves about 400 KB per call in JSON, so 20/s keeps the
   * slowest API's server work well under one core; insert-100 writes 100 records per call, 40/s is
   * 4,000 records/s; get-one is one small record, 200/s; aggregate alternates a group-by and a
   * download of all 10,000 records, 4/s (at 8/s rest-json-gzip's downloads missed their deadline on
   * a busy 2-core machine); realtime writes 10 changes a second (the driver's default) through gRPC
   * BlazeBinary to one subscriber of the API under test; sync pushes 10 operations a second (the
   * driver's default, as realtime) from one Sync client to one other, over grpc-blazebinary only.
   */
  private static final Map<String, ScenarioLoad> LOADS =
      Map.of(
          INSERT_100, new ScenarioLoad(INSERT_100, 40, 2, 16, DEADLINE, WRITE_COLLECTION),
          FETCH_1000, new ScenarioLoad(FETCH_1000, 20, 2, 16, DEADLINE, null),
          GET_ONE, new ScenarioLoad(GET_ONE, 200, 2, 32, DEADLINE, null),
          AGGREGATE, new ScenarioLoad(AGGREGATE, 4, 2, 16, DEADLINE, null),
          CRUD_MIX, new ScenarioLoad(CRUD_MIX, 100, 2, 32, DEADLINE, WRITE_COLLECTION),
          REALTIME, new ScenarioLoad(REALTIME, 10, 1, 16, DEADLINE, null),
          SYNC, new ScenarioLoad(SYNC, 10, 1, 16, DEADLINE, null));

  /**
   * The most bytes one call of each scenario moves in one direction on any API, as results.json's
   * wire bytes per operation showed on loopback (rounded up): fetch-1000's REST/JSON response
   * (about 470 KB), insert-100's REST/JSON request (about 42 KB), aggregate's download of all
   * 10,000 records (about 2.4 MB); the others move single records. Over a shaped link they set how
   * fast calls may be offered ({@link ScenarioLoad#overLink}).
   */
  private static final Map<String, Long> LARGEST_CALL_BYTES =
      Map.of(
          INSERT_100, 45_000L,
          FETCH_1000, 500_000L,
          GET_ONE, 1_000L,
          AGGREGATE, 2_500_000L,
          CRUD_MIX, 2_000L,
          REALTIME, 1_000L,
          SYNC, 2_000L);

  /** Scenarios compare leaves to {@code blazebench load}, and why. */
  private static final Map<String, String> NOT_IN_COMPARE =
      Map.of(
          "stream-1m",
          "it takes seconds per call and needs a closed model; run it with 'blazebench load'");

  private Scenarios() {}

  /** Every scenario compare can run, as far as the load driver has it. */
  static List<String> supported() {
    List<String> names = new ArrayList<>();
    for (String name : Catalogue.SCENARIOS) {
      if (LOADS.containsKey(name)) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * Checks that compare can run {@code scenario}.
   *
   * @throws IllegalArgumentException naming the scenario and what is available
   */
  static void check(String scenario) {
    if (NOT_IN_COMPARE.containsKey(scenario)) {
      throw new IllegalArgumentException(
          "--scenarios: " + scenario + " is not part of compare: " + NOT_IN_COMPARE.get(scenario));
    }
    if (!LOADS.containsKey(scenario) || !Catalogue.SCENARIOS.contains(scenario)) {
      String why =
          Catalogue.PLANNED_SCENARIOS.contains(scenario)
              ? "the load driver does not have it yet"
              : "unknown scenario";
      throw new IllegalArgumentException(
          "--scenarios: '"
              + scenario
              + "': "
              + why
              + " (available: "
              + String.join(", ", supported())
              + ")");
    }
  }

  /** The load offered in {@code scenario}. */
  static ScenarioLoad load(String scenario) {
    ScenarioLoad load = LOADS.get(scenario);
    if (load == null) {
      throw new IllegalArgumentException("no load setting for scenario " + scenario);
    }
    return load;
  }

  /**
   * The load of {@code scenario} over a shaped link of {@code linkBitsPerSecond} each way (0: no
   * link, the scenario's own load).
   */
  static ScenarioLoad load(String scenario, long linkBitsPerSecond) {
    ScenarioLoad load = load(scenario);
    return linkBitsPerSecond <= 0
        ? load
        : load.overLink(linkBitsPerSecond, LARGEST_CALL_BYTES.getOrDefault(scenario, 1_000_000L));
  }

  /** The APIs {@code scenario} runs against by default, as far as the load driver has them. */
  static List<String> defaultApis(String scenario) {
    List<String> apis = new ArrayList<>();
    if (scenario.equals(SYNC)) {
      return applies(SYNC_API, SYNC) ? List.of(SYNC_API) : List.of();
    }
    for (String api : scenario.equals(REALTIME) ? REALTIME_APIS : REQUEST_APIS) {
      if (applies(api, scenario)) {
        apis.add(api);
      }
    }
    return apis;
  }

  /** Whether the load driver can run {@code scenario} against {@code api}. */
  static boolean applies(String api, String scenario) {
    if (scenario.equals(REALTIME)) {
      return Catalogue.SCENARIOS.contains(REALTIME) && Catalogue.SUBSCRIBER_APIS.contains(api);
    }
    if (scenario.equals(SYNC)) {
      return Catalogue.SCENARIOS.contains(SYNC) && api.equals(SYNC_API);
    }
    return REQUEST_APIS.contains(api) && Catalogue.APIS.contains(api);
  }

  /** Every API name compare accepts in {@code --apis}. */
  static List<String> knownApis() {
    List<String> apis = new ArrayList<>(REQUEST_APIS);
    for (String api : REALTIME_APIS) {
      if (!apis.contains(api)) {
        apis.add(api);
      }
    }
    return apis;
  }
}

package dev.blazebench.load.run;

import dev.blazebench.load.api.LoadClient;
import dev.blazebench.load.engine.Scenario;
import dev.blazebench.load.grpc.GrpcConnections;
import dev.blazebench.load.grpc.NativeGrpcApi;
import dev.blazebench.load.grpc.ProtobufGrpcApi;
import dev.blazebench.load.grpc.WrappedGrpcApi;
import dev.blazebench.load.rest.RestConnections;
import dev.blazebench.load.rest.RestJsonApi;
import dev.blazebench.load.scenario.AggregateByStatus;
import dev.blazebench.load.scenario.CrudMix;
import dev.blazebench.load.scenario.Fetch1000;
import dev.blazebench.load.scenario.GetOne;
import dev.blazebench.load.scenario.Insert100;
import dev.blazebench.load.scenario.ScenarioOptions;
import dev.blazebench.load.scenario.Stream1m;
import java.util.List;
import java.util.Map;

/**
 * The APIs the driver can load and the scenarios it can run, by the names the command line uses.
 * APIs the design plans but the driver does not have yet are listed as such, so that asking for one
 * says so instead of "unknown".
 */
public final class Catalogue {

  /** APIs with a client. */
  public static final List<String> APIS =
      List.of(
          WrappedGrpcApi.NAME,
          NativeGrpcApi.NAME,
          ProtobufGrpcApi.NAME,
          RestJsonApi.NAME,
          RestJsonApi.GZIP_NAME);

  /** APIs planned but without a load client yet, and what is missing. */
  private static final Map<String, String> PLANNED_APIS =
      Map.of("websocket-json", "the reference server's WebSocket adapter and its load client");

  /** Scenarios. */
  public static final List<String> SCENARIOS =
      List.of(
          Fetch1000.NAME,
          Insert100.NAME,
          GetOne.NAME,
          CrudMix.NAME,
          AggregateByStatus.NAME,
          Stream1m.NAME);

  /** Scenarios of the seed's test list not written yet. */
  public static final List<String> PLANNED_SCENARIOS = List.of("realtime");

  /** Largest answer accepted: 64 MiB, as protocol's clients. */
  private static final int MAX_INBOUND_BYTES = 64 * 1024 * 1024;

  private Catalogue() {}

  /**
   * The API a run loads: the target's, or {@code requested} if given, which must be carried by the
   * same transport (the reference server serves every gRPC API on one port, so {@code blaze://h:p
   * --api grpc-native} is the same as {@code blaze-native://h:p}).
   */
  public static String resolveApi(Target target, String requested) {
    String api = requested == null ? target.api() : requested;
    checkApi(api);
    if (Target.transportOf(api) != target.transport()) {
      throw new IllegalArgumentException(
          "api '"
              + api
              + "' does not run over "
              + target.scheme()
              + ":// (that target's API is "
              + target.api()
              + "); give the target with the API's own scheme");
    }
    return api;
  }

  /** A client of {@code api} on {@code connections} connections to {@code target}. */
  public static LoadClient openApi(String api, Target target, int connections) {
    checkApi(api);
    if (api.equals(RestJsonApi.NAME) || api.equals(RestJsonApi.GZIP_NAME)) {
      boolean gzip = api.equals(RestJsonApi.GZIP_NAME);
      return new RestJsonApi(
          new RestConnections(target.host(), target.port(), connections, gzip), gzip);
    }
    GrpcConnections channels =
        new GrpcConnections(target.host(), target.port(), connections, MAX_INBOUND_BYTES);
    return switch (api) {
      case WrappedGrpcApi.NAME -> new WrappedGrpcApi(channels);
      case NativeGrpcApi.NAME -> new NativeGrpcApi(channels);
      default -> new ProtobufGrpcApi(channels);
    };
  }

  /** Checks a scenario name before anything connects. */
  public static void checkScenario(String scenario) {
    if (SCENARIOS.contains(scenario)) {
      return;
    }
    if (PLANNED_SCENARIOS.contains(scenario)) {
      throw new IllegalArgumentException(
          "scenario '"
              + scenario
              + "' is not written yet (available: "
              + String.join(", ", SCENARIOS)
              + ")");
    }
    throw new IllegalArgumentException(
        "unknown scenario '" + scenario + "' (available: " + String.join(", ", SCENARIOS) + ")");
  }

  /** Scenario {@code name} over {@code api}, with {@code options}. */
  public static Scenario scenario(String name, LoadClient api, ScenarioOptions options) {
    checkScenario(name);
    options.checkAppliesTo(name);
    String collection = options.collectionOr(ScenarioOptions.DEFAULT_COLLECTION);
    return switch (name) {
      case Fetch1000.NAME -> new Fetch1000(api, collection);
      case Insert100.NAME -> new Insert100(api, collection);
      case GetOne.NAME -> new GetOne(api, collection);
      case CrudMix.NAME ->
          new CrudMix(
              api, collection, options.mix() == null ? CrudMix.Ratios.DEFAULT : options.mix());
      case AggregateByStatus.NAME -> new AggregateByStatus(api, collection);
      default ->
          new Stream1m(
              api,
              options.collectionOr(Stream1m.DEFAULT_COLLECTION),
              options.records() == 0 ? Stream1m.DEFAULT_RECORDS : (int) options.records(),
              options.batchSize());
    };
  }

  /** Checks an API name before anything connects. */
  public static void checkApi(String api) {
    if (APIS.contains(api)) {
      return;
    }
    if (PLANNED_APIS.containsKey(api)) {
      throw new IllegalArgumentException(
          "api '"
              + api
              + "' is not available yet: "
              + PLANNED_APIS.get(api)
              + " is still to be written (available: "
              + String.join(", ", APIS)
              + ")");
    }
    throw new IllegalArgumentException(
        "unknown api '" + api + "' (available: " + String.join(", ", APIS) + ")");
  }
}

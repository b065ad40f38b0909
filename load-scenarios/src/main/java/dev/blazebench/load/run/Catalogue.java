package dev.blazebench.load.run;

import dev.blazebench.load.engine.Scenario;
import dev.blazebench.load.grpc.BlazeApi;
import dev.blazebench.load.grpc.GrpcConnections;
import dev.blazebench.load.grpc.NativeGrpcApi;
import dev.blazebench.load.grpc.WrappedGrpcApi;
import dev.blazebench.load.scenario.Fetch1000;
import dev.blazebench.load.scenario.Insert100;
import java.util.List;
import java.util.Map;

/**
 * The APIs the driver can load and the scenarios it can run, by the names the command line uses.
 * APIs the design plans but the driver does not have yet are listed as such, so that asking for one
 * says so instead of "unknown".
 */
public final class Catalogue {

  /** APIs with a client. */
  public static final List<String> APIS = List.of(WrappedGrpcApi.NAME, NativeGrpcApi.NAME);

  /** APIs planned (the reference server serves them) but without a load client yet. */
  public static final List<String> PLANNED_APIS =
      List.of("grpc-protobuf", "rest-json", "websocket-json");

  /** Scenarios. */
  public static final List<String> SCENARIOS = List.of(Fetch1000.NAME, Insert100.NAME);

  /** Scenarios of the seed's test list not written yet. */
  public static final List<String> PLANNED_SCENARIOS =
      List.of("insert-1", "fetch-1", "update-1", "delete-1", "aggregate", "stream-10000");

  /** The collection every scenario uses: the Protobuf baseline serves only this one. */
  public static final String COLLECTION = "bugs";

  /** Largest answer accepted: 64 MiB, as protocol's clients. */
  private static final int MAX_INBOUND_BYTES = 64 * 1024 * 1024;

  private static final Map<String, String> MISSING =
      Map.of(
          "grpc-protobuf", "the Protobuf baseline's load client",
          "rest-json", "the REST/JSON load client",
          "websocket-json", "the WebSocket/JSON load client");

  private Catalogue() {}

  /** A client of {@code api} on {@code connections} connections to {@code target}. */
  public static BlazeApi openApi(String api, Target target, int connections) {
    checkApi(api);
    GrpcConnections channels =
        new GrpcConnections(target.host(), target.port(), connections, MAX_INBOUND_BYTES);
    return api.equals(WrappedGrpcApi.NAME)
        ? new WrappedGrpcApi(channels)
        : new NativeGrpcApi(channels, connections);
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

  /** Scenario {@code name} over {@code api}. */
  public static Scenario scenario(String name, BlazeApi api) {
    checkScenario(name);
    return name.equals(Fetch1000.NAME)
        ? new Fetch1000(api, COLLECTION)
        : new Insert100(api, COLLECTION);
  }

  /** Checks an API name before anything connects. */
  public static void checkApi(String api) {
    if (!APIS.contains(api)) {
      // openApi's messages, without opening anything.
      openApiNameCheck(api);
    }
  }

  private static void openApiNameCheck(String api) {
    if (PLANNED_APIS.contains(api)) {
      throw new IllegalArgumentException(
          "api '"
              + api
              + "' is not available yet: "
              + MISSING.get(api)
              + " is still to be written (available: "
              + String.join(", ", APIS)
              + ")");
    }
    throw new IllegalArgumentException(
        "unknown api '" + api + "' (available: " + String.join(", ", APIS) + ")");
  }
}

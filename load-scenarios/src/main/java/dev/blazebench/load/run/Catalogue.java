package dev.blazebench.load.run;

import dev.blazebench.load.api.LoadClient;
import dev.blazebench.load.engine.Scenario;
import dev.blazebench.load.grpc.GrpcConnections;
import dev.blazebench.load.grpc.NativeGrpcApi;
import dev.blazebench.load.grpc.ProtobufGrpcApi;
import dev.blazebench.load.grpc.WrappedGrpcApi;
import dev.blazebench.load.poll.PollingSubscribers;
import dev.blazebench.load.realtime.GrpcSubscribers;
import dev.blazebench.load.realtime.SubscriberApi;
import dev.blazebench.load.realtime.SyncStreams;
import dev.blazebench.load.rest.RestConnections;
import dev.blazebench.load.rest.RestJsonApi;
import dev.blazebench.load.scenario.AggregateByStatus;
import dev.blazebench.load.scenario.CrudMix;
import dev.blazebench.load.scenario.Fetch1000;
import dev.blazebench.load.scenario.GetOne;
import dev.blazebench.load.scenario.Insert100;
import dev.blazebench.load.scenario.Realtime;
import dev.blazebench.load.scenario.RealtimeOptions;
import dev.blazebench.load.scenario.ScenarioOptions;
import dev.blazebench.load.scenario.Stream1m;
import dev.blazebench.load.scenario.SyncScenario;
import dev.blazebench.load.ws.WebSocketSubscribers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The APIs the driver can load and the scenarios it can run, by the names the command line uses,
 * and which scenario runs over which API: request/response scenarios over the request/response
 * APIs, {@code realtime} over the APIs that can follow changes (the gRPC Subscribe streams,
 * WebSocket push, REST polling), {@code sync} over the one API that serves Sync ({@code
 * grpc-blazebinary}).
 */
public final class Catalogue {

  /** Request/response APIs: every scenario but realtime runs over them. */
  public static final List<String> APIS =
      List.of(
          WrappedGrpcApi.NAME,
          NativeGrpcApi.NAME,
          ProtobufGrpcApi.NAME,
          RestJsonApi.NAME,
          RestJsonApi.GZIP_NAME);

  /**
   * APIs realtime's subscribers can follow changes through. REST polling takes any interval ({@code
   * rest-poll-500ms}, ...); the seed's two are listed.
   */
  public static final List<String> SUBSCRIBER_APIS =
      List.of(
          WrappedGrpcApi.NAME,
          NativeGrpcApi.NAME,
          ProtobufGrpcApi.NAME,
          WebSocketSubscribers.NAME,
          "rest-poll-1s",
          "rest-poll-5s");

  /** Scenarios. */
  public static final List<String> SCENARIOS =
      List.of(
          Fetch1000.NAME,
          Insert100.NAME,
          GetOne.NAME,
          CrudMix.NAME,
          AggregateByStatus.NAME,
          Stream1m.NAME,
          Realtime.NAME,
          SyncScenario.NAME);

  /** Scenarios of the seed's test list not written yet: none. */
  public static final List<String> PLANNED_SCENARIOS = List.of();

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

  /**
   * Checks that {@code scenario} runs over {@code api} of {@code target}, naming both if not.
   *
   * @throws IllegalArgumentException if it does not
   */
  public static void checkScenarioOverApi(String scenario, String api, Target target) {
    if (scenario.equals(SyncScenario.NAME)) {
      if (!api.equals(SyncStreams.API)) {
        throw new IllegalArgumentException(
            "scenario 'sync' does not run over "
                + api
                + ": only grpc-blazebinary serves Sync; give blaze://"
                + target.host()
                + ":"
                + target.port());
      }
      return;
    }
    boolean realtime = scenario.equals(Realtime.NAME);
    Target.Transport transport = target.transport();
    if (realtime && transport == Target.Transport.HTTP) {
      throw new IllegalArgumentException(
          "scenario 'realtime' does not run over "
              + target.text()
              + ": REST/JSON has no push; follow changes with ws://"
              + target.host()
              + ":"
              + target.port()
              + " (WebSocket) or rest-poll://"
              + target.host()
              + ":"
              + target.port()
              + " (REST polling)");
    }
    if (!realtime
        && (transport == Target.Transport.WEBSOCKET || transport == Target.Transport.POLLING)) {
      throw new IllegalArgumentException(
          "scenario '"
              + scenario
              + "' does not run over "
              + target.text()
              + ": "
              + api
              + " only follows changes (the server has no request/response calls there);"
              + " run 'realtime' over it, or "
              + scenario
              + " over rest://"
              + target.host()
              + ":"
              + target.port());
    }
  }

  /** A client of {@code api} on {@code connections} connections to {@code target}. */
  public static LoadClient openApi(String api, Target target, int connections) {
    checkApi(api);
    if (api.equals(RestJsonApi.NAME) || api.equals(RestJsonApi.GZIP_NAME)) {
      boolean gzip = api.equals(RestJsonApi.GZIP_NAME);
      return new RestJsonApi(
          new RestConnections(target.host(), target.port(), connections, gzip), gzip);
    }
    if (!APIS.contains(api)) {
      throw new IllegalArgumentException(
          "api '" + api + "' only follows changes: it has no request/response client");
    }
    GrpcConnections channels =
        new GrpcConnections(target.host(), target.port(), connections, MAX_INBOUND_BYTES);
    return switch (api) {
      case WrappedGrpcApi.NAME -> new WrappedGrpcApi(channels);
      case NativeGrpcApi.NAME -> new NativeGrpcApi(channels);
      default -> new ProtobufGrpcApi(channels);
    };
  }

  /**
   * Subscribers of {@code api} to {@code target}: {@code subscribers} of them, polling every {@code
   * pollInterval} for REST polling.
   */
  public static SubscriberApi openSubscribers(
      String api, Target target, int subscribers, Duration pollInterval) {
    return switch (Target.transportOf(api)) {
      case WEBSOCKET -> new WebSocketSubscribers(target.host(), target.port());
      case POLLING ->
          new PollingSubscribers(target.host(), target.port(), pollInterval, subscribers);
      case GRPC ->
          new GrpcSubscribers(
              switch (api) {
                case WrappedGrpcApi.NAME -> GrpcSubscribers.Flavor.WRAPPED;
                case NativeGrpcApi.NAME -> GrpcSubscribers.Flavor.NATIVE;
                default -> GrpcSubscribers.Flavor.PROTOBUF;
              },
              target.host(),
              target.port());
      default -> throw new IllegalArgumentException("api '" + api + "' cannot follow changes live");
    };
  }

  /**
   * What a run opened: its scenario and every client behind it, closed together.
   *
   * @param scenario the scenario, ready to prepare
   * @param realtime the realtime scenario when it is one (for results), else null
   */
  public record Opened(Scenario scenario, Realtime realtime, List<AutoCloseable> resources)
      implements AutoCloseable {

    /** Connects every client and waits until they are ready (or throws saying which is not). */
    public void awaitReady(long timeoutMillis) throws InterruptedException {
      for (AutoCloseable resource : resources) {
        if (resource instanceof LoadClient client) {
          client.awaitReady(timeoutMillis);
        } else if (resource instanceof SubscriberApi subscribers) {
          subscribers.awaitReady(timeoutMillis);
        } else if (resource instanceof SyncStreams streams) {
          streams.awaitReady(timeoutMillis);
        }
      }
    }

    @Override
    public void close() {
      for (int i = resources.size() - 1; i >= 0; i--) {
        try {
          resources.get(i).close();
        } catch (Exception e) {
          // closing the rest anyway
        }
      }
    }
  }

  /** Opens the clients of {@code options}' run and builds its scenario. */
  public static Opened open(LoadRunOptions options) {
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      if (options.scenario().equals(SyncScenario.NAME)) {
        SyncStreams streams = new SyncStreams(options.target().host(), options.target().port());
        resources.add(streams);
        SyncScenario scenario =
            new SyncScenario(
                streams,
                options.scenarioOptions().collectionOr(SyncScenario.DEFAULT_COLLECTION),
                options.realtime().subscribers());
        resources.add(scenario); // closed first: its streams before their channels
        return new Opened(scenario, null, resources);
      }
      if (!options.scenario().equals(Realtime.NAME)) {
        LoadClient api = openApi(options.api(), options.target(), options.connections());
        resources.add(api);
        return new Opened(
            scenario(options.scenario(), api, options.scenarioOptions()), null, resources);
      }
      RealtimeOptions realtime = options.realtime();
      Duration pollInterval =
          realtime.pollInterval() == null ? Duration.ZERO : realtime.pollInterval();
      Target writerTarget = realtime.writerFor(options.target());
      LoadClient writer = openApi(WrappedGrpcApi.NAME, writerTarget, 1);
      resources.add(writer);
      SubscriberApi subscribers =
          openSubscribers(options.api(), options.target(), realtime.subscribers(), pollInterval);
      resources.add(subscribers);
      Realtime scenario =
          new Realtime(
              writer,
              subscribers,
              options.scenarioOptions().collectionOr(Realtime.DEFAULT_COLLECTION),
              realtime.subscribers(),
              pollInterval);
      resources.add(scenario); // closed first: its subscriptions before their clients
      return new Opened(scenario, scenario, resources);
    } catch (RuntimeException e) {
      new Opened(null, null, resources).close();
      throw e;
    }
  }

  /** Checks a scenario name before anything connects. */
  public static void checkScenario(String scenario) {
    if (!SCENARIOS.contains(scenario)) {
      throw new IllegalArgumentException(
          "unknown scenario '" + scenario + "' (available: " + String.join(", ", SCENARIOS) + ")");
    }
  }

  /** Request/response scenario {@code name} over {@code api}, with {@code options}. */
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
      case Stream1m.NAME ->
          new Stream1m(
              api,
              options.collectionOr(Stream1m.DEFAULT_COLLECTION),
              options.records() == 0 ? Stream1m.DEFAULT_RECORDS : (int) options.records(),
              options.batchSize());
      default ->
          throw new IllegalArgumentException(
              "scenario '" + name + "' needs subscribers: open it with Catalogue.open");
    };
  }

  /** Checks an API name before anything connects. */
  public static void checkApi(String api) {
    if (APIS.contains(api) || SUBSCRIBER_APIS.contains(api)) {
      return;
    }
    if (api.startsWith(Target.POLL_API_PREFIX)) {
      pollIntervalOf(api); // throws for a malformed interval
      return;
    }
    List<String> all = new ArrayList<>(APIS);
    for (String subscriber : SUBSCRIBER_APIS) {
      if (!all.contains(subscriber)) {
        all.add(subscriber);
      }
    }
    throw new IllegalArgumentException(
        "unknown api '" + api + "' (available: " + String.join(", ", all) + ")");
  }

  /** The poll interval a polling API's name says: 1 s for {@code rest-poll-1s}. */
  public static Duration pollIntervalOf(String api) {
    if (!api.startsWith(Target.POLL_API_PREFIX)) {
      throw new IllegalArgumentException("api '" + api + "' does not poll");
    }
    String text = api.substring(Target.POLL_API_PREFIX.length());
    Duration interval;
    try {
      interval = dev.blazebench.load.profile.Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "api '"
              + api
              + "': '"
              + text
              + "' is not a poll interval (rest-poll-1s, rest-poll-500ms)");
    }
    if (interval.toMillis() < 1) {
      throw new IllegalArgumentException("api '" + api + "': the poll interval must be positive");
    }
    return interval;
  }
}

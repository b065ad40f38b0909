package dev.blazebench.load.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.load.engine.DriverConfig;
import dev.blazebench.load.profile.LoadProfile;
import dev.blazebench.load.scenario.RealtimeOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which scenario runs over which target, and realtime's options, checked before connecting. */
class LoadRunOptionsTest {

  private static DriverConfig driver(Duration drain) {
    return new DriverConfig(
        LoadProfile.constantRate(10, Duration.ofSeconds(1)),
        64,
        Duration.ofSeconds(5),
        drain,
        DriverConfig.DEFAULT_INTERVAL);
  }

  private static LoadRunOptions options(
      String target, String api, String scenario, RealtimeOptions realtime, Duration drain) {
    return new LoadRunOptions(
        Target.parse(target),
        api,
        scenario,
        null,
        driver(drain),
        1,
        Path.of("out"),
        null,
        realtime);
  }

  @Test
  void aScenarioOverAnApiThatOnlyFollowsChangesIsAnErrorNamingBoth() {
    assertThatThrownBy(
            () -> options("ws://127.0.0.1:8080", null, "fetch-1000", null, Duration.ofSeconds(5)))
        .hasMessageStartingWith(
            "scenario 'fetch-1000' does not run over ws://127.0.0.1:8080: websocket-json only"
                + " follows changes")
        .hasMessageContaining("fetch-1000 over rest://127.0.0.1:8080");
    assertThatThrownBy(
            () -> options("rest-poll://h:8080", null, "get-one", null, Duration.ofSeconds(10)))
        .hasMessageStartingWith("scenario 'get-one' does not run over rest-poll://h:8080");
    assertThatThrownBy(
            () -> options("rest://h:8080", null, "realtime", null, Duration.ofSeconds(5)))
        .hasMessageStartingWith(
            "scenario 'realtime' does not run over rest://h:8080: REST/JSON has no push")
        .hasMessageContaining("ws://h:8080")
        .hasMessageContaining("rest-poll://h:8080");
  }

  @Test
  void thePollIntervalNamesThePollingApi() {
    LoadRunOptions byDefault =
        options("rest-poll://h:8080", null, "realtime", null, Duration.ofSeconds(10));
    assertThat(byDefault.api()).isEqualTo("rest-poll-5s");
    assertThat(byDefault.realtime().pollInterval()).isEqualTo(Duration.ofSeconds(5));

    LoadRunOptions everySecond =
        options(
            "rest-poll://h:8080",
            null,
            "realtime",
            new RealtimeOptions(3, Duration.ofSeconds(1), null),
            Duration.ofSeconds(6));
    assertThat(everySecond.api()).isEqualTo("rest-poll-1s");
    assertThat(everySecond.realtime().subscribers()).isEqualTo(3);

    LoadRunOptions byApi =
        options("rest-poll://h:8080", "rest-poll-500ms", "realtime", null, Duration.ofSeconds(6));
    assertThat(byApi.realtime().pollInterval()).isEqualTo(Duration.ofMillis(500));

    assertThatThrownBy(
            () ->
                options(
                    "rest-poll://h:8080",
                    "rest-poll-5s",
                    "realtime",
                    new RealtimeOptions(1, Duration.ofSeconds(1), null),
                    Duration.ofSeconds(10)))
        .hasMessageContaining("disagree");
    assertThatThrownBy(
            () ->
                options(
                    "ws://h:8080",
                    null,
                    "realtime",
                    new RealtimeOptions(1, Duration.ofSeconds(1), null),
                    Duration.ofSeconds(10)))
        .hasMessageContaining("--poll-interval applies to rest-poll:// targets only");
  }

  @Test
  void aDrainShorterThanThePollIntervalIsRefused() {
    assertThatThrownBy(
            () -> options("rest-poll://h:8080", null, "realtime", null, Duration.ofSeconds(5)))
        .hasMessageContaining("--drain 5000ms is too short for polling every 5000ms");
  }

  @Test
  void realtimeOptionsApplyToRealtimeOnly() {
    assertThatThrownBy(
            () ->
                options(
                    "blaze://h:1",
                    null,
                    "fetch-1000",
                    new RealtimeOptions(2, null, null),
                    Duration.ofSeconds(5)))
        .hasMessage(
            "--subscribers, --poll-interval and --writer apply to realtime (and --subscribers to"
                + " sync) only");
    assertThatThrownBy(
            () ->
                options(
                    "blaze://h:1",
                    null,
                    "sync",
                    new RealtimeOptions(1, null, Target.parse("blaze://h:2")),
                    Duration.ofSeconds(5)))
        .hasMessageContaining("--poll-interval and --writer apply to realtime only");
    assertThatThrownBy(() -> new RealtimeOptions(0, null, null))
        .hasMessageContaining("--subscribers must be at least 1");
    assertThatThrownBy(() -> new RealtimeOptions(1, null, Target.parse("rest://h:1")))
        .hasMessageContaining("writes through blaze://");
  }

  @Test
  void theWriterGoesToTheGrpcPortOfTheTargetsHost() {
    RealtimeOptions defaults = RealtimeOptions.DEFAULTS;
    assertThat(defaults.writerFor(Target.parse("ws://10.0.0.7:8080")).text())
        .isEqualTo("blaze://10.0.0.7:50051");
    assertThat(defaults.writerFor(Target.parse("proto://10.0.0.7:9000")).text())
        .isEqualTo("blaze://10.0.0.7:9000");
    RealtimeOptions given = new RealtimeOptions(1, null, Target.parse("blaze://h:7"));
    assertThat(given.writerFor(Target.parse("ws://x:1")).text()).isEqualTo("blaze://h:7");
  }
}

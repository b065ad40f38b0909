package dev.blazebench.reports.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * What the run was asked to do: profile, rounds, the APIs and scenarios (in the order they were
 * interleaved), the reference API ratios are taken against, and the load offered per scenario.
 *
 * @param profile {@code quick}, {@code full} or {@code custom}
 * @param referenceApi ratios in the report are {@code api / referenceApi} per round
 * @param warmupSec warm-up of each measured run, excluded from its results
 * @param warmupRoundSec how long each API × scenario ran in the unmeasured warm-up round before
 *     round 1 (schema version 1 did not record it; it was 1 s)
 * @param codec {@code quick} when the codec benchmarks ran, {@code skipped} otherwise
 */
@JsonPropertyOrder({
  "profile",
  "rounds",
  "apis",
  "scenarios",
  "referenceApi",
  "roundDurationSec",
  "warmupSec",
  "warmupRoundSec",
  "load",
  "codec"
})
public record Settings(
    String profile,
    int rounds,
    List<String> apis,
    List<String> scenarios,
    String referenceApi,
    double roundDurationSec,
    double warmupSec,
    double warmupRoundSec,
    List<LoadSetting> load,
    String codec) {

  public Settings {
    Objects.requireNonNull(profile, "profile");
    apis = List.copyOf(Objects.requireNonNull(apis, "apis"));
    scenarios = List.copyOf(Objects.requireNonNull(scenarios, "scenarios"));
    Objects.requireNonNull(referenceApi, "referenceApi");
    load = List.copyOf(Objects.requireNonNull(load, "load"));
    Objects.requireNonNull(codec, "codec");
  }

  /** These settings with other APIs and reference API (the two builds of an interleaved run). */
  public Settings withApis(List<String> newApis, String newReferenceApi) {
    return new Settings(
        profile,
        rounds,
        newApis,
        scenarios,
        newReferenceApi,
        roundDurationSec,
        warmupSec,
        warmupRoundSec,
        load,
        codec);
  }
}

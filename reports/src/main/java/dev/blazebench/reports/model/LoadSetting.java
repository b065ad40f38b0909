package dev.blazebench.reports.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * The load offered to every API in one scenario.
 *
 * @param model {@code open} (a fixed schedule, latency from the intended start) or {@code closed}
 * @param targetRps the open model's rate, null in the closed model
 * @param closedInFlight the closed model's calls in flight, null in the open model
 */
@JsonPropertyOrder({
  "scenario",
  "model",
  "targetRps",
  "closedInFlight",
  "connections",
  "maxInFlight"
})
public record LoadSetting(
    String scenario,
    String model,
    Double targetRps,
    Integer closedInFlight,
    int connections,
    int maxInFlight) {

  public LoadSetting {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(model, "model");
  }
}

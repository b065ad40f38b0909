package dev.blazebench.reports.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * Something a reader must know before trusting the figures, e.g. {@code injector-saturated}, {@code
 * cores-shared}, {@code noisy-rounds}, {@code errors}.
 *
 * @param code a stable kebab-case code, for tools
 * @param message a sentence for people, naming the API, scenario and round concerned
 */
@JsonPropertyOrder({"code", "message"})
public record RunWarning(String code, String message) {

  public RunWarning {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}

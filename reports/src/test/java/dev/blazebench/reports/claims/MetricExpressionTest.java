package dev.blazebench.reports.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.testing.TinyRun;
import org.junit.jupiter.api.Test;

class MetricExpressionTest {

  private static final RunResults RUN =
      new TinyRun()
          .result("fetch-1000", "rest-json", r -> r.p50Micros(30_000, 20_000, 10_000).wire(10, 400))
          .result(
              "fetch-1000",
              "grpc-blazebinary",
              r -> r.p50Micros(10_000, 10_000, 10_000).wire(10, 100))
          .build();

  private static double valueOf(String expression) {
    return MetricExpression.parse(expression).evaluate(RUN).value();
  }

  @Test
  void arithmeticFollowsPrecedenceAndParentheses() {
    assertThat(valueOf("1 + 2 * 3")).isEqualTo(7);
    assertThat(valueOf("(1 + 2) * 3")).isEqualTo(9);
    assertThat(valueOf("1 - 6 / 3 / 2")).isEqualTo(0);
    assertThat(valueOf("-2 + 5")).isEqualTo(3);
    assertThat(valueOf("921_600 / 1024")).isEqualTo(900);
  }

  @Test
  void totalReadsAFigureOfOneResult() {
    assertThat(valueOf("total(fetch-1000, rest-json, wireReceivedPerOp)")).isEqualTo(400);
    assertThat(
            valueOf(
                "1 - total(fetch-1000, grpc-blazebinary, wireReceivedPerOp)"
                    + " / total(fetch-1000, rest-json, wireReceivedPerOp)"))
        .isEqualTo(0.75);
  }

  @Test
  void ratioIsTheMedianOfPerRoundRatios() {
    // Rounds: 3.0, 2.0, 1.0 -> median 2.0.
    assertThat(valueOf("ratio(fetch-1000, rest-json, grpc-blazebinary, p50Micros)")).isEqualTo(2.0);
  }

  @Test
  void minAndMaxTakeExpressions() {
    assertThat(valueOf("min(3, 1 + 1, 4)")).isEqualTo(2);
    assertThat(valueOf("max(ratio(fetch-1000, rest-json, grpc-blazebinary, p50Micros), 1.5)"))
        .isEqualTo(2.0);
  }

  @Test
  void aMissingOperandMakesTheWholeExpressionMissingWithItsReason() {
    Measured measured =
        MetricExpression.parse("2 * total(fetch-1000, websocket-json, p50Micros) + 1")
            .evaluate(RUN);

    assertThat(measured.isPresent()).isFalse();
    assertThat(measured.missingReason()).isEqualTo("API websocket-json was not run");
  }

  @Test
  void divisionByZeroIsMissingNotInfinite() {
    Measured measured = MetricExpression.parse("1 / (2 - 2)").evaluate(RUN);

    assertThat(measured.isPresent()).isFalse();
    assertThat(measured.missingReason()).contains("division by zero");
  }

  @Test
  void parseErrorsNameThePositionAndTheProblem() {
    assertThatThrownBy(() -> MetricExpression.parse("1 +"))
        .hasMessage("metric \"1 +\" at character 4: expression ends early");
    assertThatThrownBy(() -> MetricExpression.parse("(1 + 2"))
        .hasMessage("metric \"(1 + 2\" at character 7: expected ')'");
    assertThatThrownBy(() -> MetricExpression.parse("speed(a, b)"))
        .hasMessageContaining("character 1: unknown function \"speed\"");
    assertThatThrownBy(() -> MetricExpression.parse("total(fetch-1000, rest-json)"))
        .hasMessageContaining("total: takes 3 arguments, got 2");
    assertThatThrownBy(() -> MetricExpression.parse("size(Fetch1000, Json, zstd)"))
        .hasMessageContaining("raw or gzip");
    assertThatThrownBy(() -> MetricExpression.parse("2 3"))
        .hasMessageContaining("character 3: unexpected '3'");
  }
}

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

  private static Measured measured(String expression) {
    return MetricExpression.parse(expression).evaluate(RUN);
  }

  @Test
  void aRatioRangesOverItsRoundsAndArithmeticCarriesTheRange() {
    // Rounds 3.0, 2.0, 1.0.
    Measured ratio = measured("ratio(fetch-1000, rest-json, grpc-blazebinary, p50Micros)");
    assertThat(ratio.low()).isEqualTo(1.0);
    assertThat(ratio.high()).isEqualTo(3.0);
    // 1 - [1, 3] = [-2, 0]; 2 * [1, 3] = [2, 6]; [1, 3] / [1, 3] = [1/3, 3].
    Measured oneMinus = measured("1 - ratio(fetch-1000, rest-json, grpc-blazebinary, p50Micros)");
    assertThat(oneMinus.value()).isEqualTo(-1.0);
    assertThat(oneMinus.low()).isEqualTo(-2.0);
    assertThat(oneMinus.high()).isEqualTo(0.0);
    Measured twice = measured("2 * ratio(fetch-1000, rest-json, grpc-blazebinary, p50Micros)");
    assertThat(twice.low()).isEqualTo(2.0);
    assertThat(twice.high()).isEqualTo(6.0);
    Measured quotient =
        measured(
            "ratio(fetch-1000, rest-json, grpc-blazebinary, p50Micros)"
                + " / ratio(fetch-1000, rest-json, grpc-blazebinary, p50Micros)");
    assertThat(quotient.low()).isEqualTo(1.0 / 3);
    assertThat(quotient.high()).isEqualTo(3.0);
    // min and max take the ends too: min([1, 3], [1.5, 1.5]) = [1, 1.5].
    Measured least =
        measured("min(ratio(fetch-1000, rest-json, grpc-blazebinary, p50Micros), 1.5)");
    assertThat(least.value()).isEqualTo(1.5);
    assertThat(least.low()).isEqualTo(1.0);
    assertThat(least.high()).isEqualTo(1.5);
  }

  @Test
  void aTotalRangesOverItsRoundsButAConstantAndACountDoNot() {
    // p50 of rest-json's rounds: 30, 20 and 10 ms.
    Measured p50 = measured("total(fetch-1000, rest-json, p50Micros)");
    assertThat(p50.low()).isEqualTo(10_000);
    assertThat(p50.high()).isEqualTo(30_000);
    assertThat(measured("total(fetch-1000, rest-json, count)").hasSpread()).isFalse();
    assertThat(measured("3 * 4").hasSpread()).isFalse();
  }

  @Test
  void dividingByARangeThatReachesZeroHasNoBound() {
    // 1 - [1, 3] = [-2, 0] reaches zero: the quotient may be anything.
    Measured unbounded =
        measured("1 / (1 - ratio(fetch-1000, rest-json, grpc-blazebinary, p50Micros))");
    assertThat(unbounded.value()).isEqualTo(-1.0);
    assertThat(unbounded.low()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(unbounded.high()).isEqualTo(Double.POSITIVE_INFINITY);
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

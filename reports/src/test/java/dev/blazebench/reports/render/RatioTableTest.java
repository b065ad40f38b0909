package dev.blazebench.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.testing.TinyRun;
import org.junit.jupiter.api.Test;

class RatioTableTest {

  @Test
  void apisAreComparedWithTheReferenceOneOperationAtATime() {
    RunResults run =
        new TinyRun()
            .result("aggregate", "rest-json", r -> r.operation("aggregate").p50Micros(1_000, 1_000))
            .result(
                "aggregate", "rest-json", r -> r.operation("download-count").p50Micros(400, 400))
            .result(
                "aggregate", "grpc-blazebinary", r -> r.operation("aggregate").p50Micros(500, 500))
            .result(
                "aggregate",
                "grpc-blazebinary",
                r -> r.operation("download-count").p50Micros(200, 200))
            .build();

    Table table = RatioTable.of(run);

    assertThat(table.rows())
        .extracting(r -> r.get(1) + " vs " + r.get(2) + ": " + r.get(3))
        .containsExactly(
            "grpc-blazebinary:aggregate vs rest-json:aggregate: 0.50x (0.50x–0.50x)",
            "grpc-blazebinary:download-count vs rest-json:download-count: 0.50x (0.50x–0.50x)");
  }

  @Test
  void oneApiWithTwoOperationsHasNothingToCompare() {
    // sync: the round trip and push-to-receive of one API are not two APIs.
    RunResults run =
        new TinyRun()
            .result("sync", "grpc-blazebinary", r -> r.operation("round-trip").p50Micros(900, 900))
            .result(
                "sync", "grpc-blazebinary", r -> r.operation("push-to-receive").p50Micros(800, 800))
            .build();

    assertThat(RatioTable.of(run).rows()).isEmpty();
  }
}

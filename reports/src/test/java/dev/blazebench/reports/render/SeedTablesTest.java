package dev.blazebench.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.testing.TinyRun;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedTablesTest {

  private static List<String> row(Table table, String apiLabelStart) {
    return table.rows().stream()
        .filter(r -> r.get(0).startsWith(apiLabelStart))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void testOneSetsTheMeasuredSpeedUpBesideTheSeeds() {
    RunResults run =
        new TinyRun()
            .result(
                "insert-100", "rest-json", r -> r.p50Micros(8_000, 8_000, 8_000).wire(4_096, 100))
            .result(
                "insert-100",
                "grpc-blazebinary",
                r -> r.p50Micros(2_000, 2_000, 2_500).wire(2_048, 100))
            .build();

    Table test1 = SeedTables.of(run).get(0);

    List<String> blaze = row(test1, "gRPC + BlazeBinary");
    assertThat(blaze.get(0)).isEqualTo("gRPC + BlazeBinary (grpc-blazebinary)");
    assertThat(blaze.get(4)).isEqualTo("2.0 KB");
    assertThat(blaze.get(7)).isEqualTo("38 ms");
    assertThat(blaze.get(9)).isEqualTo("4.3x faster");
    assertThat(blaze.get(10)).isEqualTo("4.00x faster (3.20x–4.00x)");
    assertThat(row(test1, "REST + JSON").get(10)).isEqualTo("1x");
    assertThat(row(test1, "gRPC + Protobuf").get(8)).isEqualTo("not run");
    // No codec benchmarks in this run: the encode column has nothing to show.
    assertThat(blaze.get(2)).isEqualTo("—");
  }

  @Test
  void testTwoComparesWithGzippedRestWhenItRanAsTheSeedsRestIsGzipped() {
    RunResults run =
        new TinyRun()
            .result("fetch-1000", "rest-json", r -> r.wire(100, 400_000).cpu(300, 100))
            .result("fetch-1000", "rest-json-gzip", r -> r.wire(100, 80_000).cpu(400, 200))
            .result("fetch-1000", "grpc-blazebinary", r -> r.wire(100, 40_000).cpu(100, 50))
            .build();

    Table test2 = SeedTables.of(run).get(1);

    assertThat(test2.rows())
        .extracting(r -> r.get(0))
        .containsExactly(
            "REST + JSON + gzip (rest-json-gzip)",
            "REST + JSON (rest-json)",
            "gRPC + Protobuf (grpc-protobuf)",
            "gRPC + BlazeBinary (grpc-blazebinary)");
    List<String> blaze = row(test2, "gRPC + BlazeBinary");
    assertThat(blaze.get(2)).isEqualTo("39 KB");
    assertThat(blaze.get(4)).isEqualTo("50%");
    assertThat(blaze.get(8)).isEqualTo("25%");
  }

  @Test
  void overAShapedLinkTheBatteryColumnsSayToReadALoopbackRun() {
    TinyRun shaped =
        new TinyRun()
            .link("10mbit")
            .result("fetch-1000", "rest-json", r -> r.cpu(60_000, 10_000))
            .result("fetch-1000", "grpc-blazebinary", r -> r.cpu(55_000, 8_000));
    RunResults loopback =
        new TinyRun()
            .result("fetch-1000", "rest-json", r -> r.cpu(300, 100))
            .result("fetch-1000", "grpc-blazebinary", r -> r.cpu(100, 50))
            .build();
    String caveat = "the claim check leaves CPU to loopback runs; read the battery column from a";

    List<Table> tables = SeedTables.of(shaped.build());

    assertThat(tables.get(1).note()).contains("This run crossed a link (shaped to 10mbit)", caveat);
    assertThat(tables.get(2).note()).contains(caveat);
    assertThat(SeedTables.of(loopback).get(1).note()).doesNotContain(caveat);
  }

  @Test
  void testThreeShowsDataPerHourAndCpuSecondsPerHour() {
    RunResults run =
        new TinyRun()
            .result(
                "realtime",
                "grpc-blazebinary",
                r -> r.p50Micros(3_000, 3_000, 3_000).cpu(50, 50).bytesPerHour(900 * 1024))
            .build();

    List<String> blaze = row(SeedTables.of(run).get(2), "gRPC + BlazeBinary");

    assertThat(blaze.get(2)).isEqualTo("3.0 ms (3.0 ms)");
    // 100 µs per update x 36,000 updates an hour (TinyRun offers 10/s).
    assertThat(blaze.get(4)).isEqualTo("3.60 s");
    assertThat(blaze.get(6)).isEqualTo("900 KB");
  }
}

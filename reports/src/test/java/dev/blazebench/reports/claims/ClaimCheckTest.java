package dev.blazebench.reports.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.testing.SyntheticRun;
import dev.blazebench.reports.testing.TinyRun;
import org.junit.jupiter.api.Test;

class ClaimCheckTest {

  private static final ClaimCatalogue CATALOGUE = ClaimCatalogue.standard();

  private static ClaimResult check(String id, RunResults run) {
    Claim claim =
        CATALOGUE.claims().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    return ClaimCheck.check(claim, run);
  }

  /** A run with one API result and codec-bench's synthetic sizes and timings. */
  private static RunResults codecRun() {
    return new TinyRun()
        .result("fetch-1000", "grpc-blazebinary", r -> {})
        .codec(SyntheticRun.codec())
        .build();
  }

  @Test
  void aSpeedUpHoldsWhenEveryRoundMeetsTheClaim() {
    // Per-round ratios 8.0, 8.2, 8.4: the median 8.2, and no round below 8.
    RunResults run =
        new TinyRun()
            .result("fetch-1000", "rest-json", r -> r.p50Micros(40_000, 41_000, 42_000))
            .result("fetch-1000", "grpc-blazebinary", r -> r.p50Micros(5_000, 5_000, 5_000))
            .build();

    ClaimResult result = check("speed-8x-faster-than-rest", run);

    assertThat(result.verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(result.measured()).isEqualTo(8.2);
    assertThat(result.measuredText()).isEqualTo("8.20x (8.00x\u20138.40x)");
    assertThat(result.detail()).isEmpty();
  }

  @Test
  void aSpeedUpDoesNotHoldWhenNoRoundMeetsTheClaim() {
    // Per-round ratios 7.8, 7.9, 7.96.
    RunResults run =
        new TinyRun()
            .result("fetch-1000", "rest-json", r -> r.p50Micros(39_000, 39_500, 39_800))
            .result("fetch-1000", "grpc-blazebinary", r -> r.p50Micros(5_000, 5_000, 5_000))
            .build();

    ClaimResult result = check("speed-8x-faster-than-rest", run);

    assertThat(result.verdict()).isEqualTo(Verdict.DOES_NOT_HOLD);
    assertThat(result.measuredText()).isEqualTo("7.90x (7.80x\u20137.96x)");
  }

  @Test
  void aSpeedUpWhoseRoundsLieOnBothSidesOfTheClaimIsInconclusive() {
    // Per-round ratios 7.8, 7.9, 9.0: the median 7.9 falls short, one round does not (and the
    // ratio of the mean latencies, 8.2, would meet it): this run cannot say.
    RunResults run =
        new TinyRun()
            .result("fetch-1000", "rest-json", r -> r.p50Micros(39_000, 39_500, 45_000))
            .result("fetch-1000", "grpc-blazebinary", r -> r.p50Micros(5_000, 5_000, 5_000))
            .build();

    ClaimResult result = check("speed-8x-faster-than-rest", run);

    assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(result.measuredText()).isEqualTo("7.90x (7.80x\u20139.00x)");
    assertThat(result.detail())
        .isEqualTo(
            "This run puts the figure between 7.80x and 9.00x (its rounds' median with 95%"
                + " confidence, up to 8 rounds their whole range; more rounds may decide it): on"
                + " both sides of the claim.");
  }

  @Test
  void withManyRoundsOneOutlyingRoundNoLongerLeavesTheClaimOpen() {
    // Twelve per-round ratios, 8.1 to 8.6, and one slow round at 7.5: the median's 95% interval
    // (the 3rd smallest to the 3rd largest) lies above 8, though the whole range does not.
    RunResults run =
        new TinyRun()
            .result(
                "fetch-1000",
                "rest-json",
                r ->
                    r.p50Micros(
                        40_500, 41_000, 37_500, 41_500, 42_000, 42_500, 43_000, 41_000, 41_500,
                        42_000, 42_500, 41_000))
            .result(
                "fetch-1000",
                "grpc-blazebinary",
                r ->
                    r.p50Micros(
                        5_000, 5_000, 5_000, 5_000, 5_000, 5_000, 5_000, 5_000, 5_000, 5_000, 5_000,
                        5_000))
            .build();

    ClaimResult result = check("speed-8x-faster-than-rest", run);

    assertThat(result.verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(result.measuredText()).isEqualTo("8.30x (8.20x\u20138.50x)");
  }

  @Test
  void withFewRoundsTheWholeRangeStillDecides() {
    // The same slow round among eight: up to 8 rounds the interval is their whole range.
    RunResults run =
        new TinyRun()
            .result(
                "fetch-1000",
                "rest-json",
                r -> r.p50Micros(40_500, 41_000, 37_500, 41_500, 42_000, 42_500, 43_000, 41_000))
            .result(
                "fetch-1000",
                "grpc-blazebinary",
                r -> r.p50Micros(5_000, 5_000, 5_000, 5_000, 5_000, 5_000, 5_000, 5_000))
            .build();

    ClaimResult result = check("speed-8x-faster-than-rest", run);

    assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(result.measuredText()).isEqualTo("8.25x (7.50x\u20138.60x)");
  }

  @Test
  void aFigureKnownExactlyIsJudgedAsItIs() {
    // Sizes do not vary between runs: no range, so never inconclusive.
    RunResults run = codecRun();

    ClaimResult result = check("size-53pct-smaller-than-json", run);

    assertThat(result.verdict()).isEqualTo(Verdict.DOES_NOT_HOLD);
    assertThat(result.measuredText()).isEqualTo("20%");
  }

  @Test
  void aCodecRatioRangesOverBothBenchmarksIterations() {
    // Encode: JSON's iterations 1,490-1,515 µs (median 1,500) over BlazeBinary's 400-425 µs (410):
    // 3.66x, between 1,490 / 425 and 1,515 / 400.
    RunResults run = codecRun();

    ClaimResult result = check("encode-5x-faster", run);

    assertThat(result.verdict()).isEqualTo(Verdict.DOES_NOT_HOLD);
    assertThat(result.measuredText()).isEqualTo("3.66x (3.51x\u20133.79x)");
  }

  @Test
  void aClaimOnAnApiTheRunDidNotIncludeIsNotMeasured() {
    RunResults run =
        new TinyRun()
            .result("fetch-1000", "grpc-blazebinary", r -> r.wire(100, 200_000))
            .result("fetch-1000", "rest-json", r -> r.wire(100, 500_000))
            .build();

    ClaimResult result = check("test2-blazebinary-bandwidth-40pct", run);

    assertThat(result.verdict()).isEqualTo(Verdict.NOT_MEASURED);
    assertThat(result.measured()).isNull();
    assertThat(result.detail()).isEqualTo("API rest-json-gzip was not run");
  }

  @Test
  void aClaimOnAScenarioTheRunDidNotIncludeIsNotMeasured() {
    RunResults run = new TinyRun().result("fetch-1000", "grpc-blazebinary", r -> {}).build();

    ClaimResult result = check("stream-1m-without-oom", run);

    assertThat(result.verdict()).isEqualTo(Verdict.NOT_MEASURED);
    assertThat(result.detail()).isEqualTo("scenario stream-1m was not run");
  }

  @Test
  void aFigureTheRunDidNotRecordIsNotMeasured() {
    RunResults run =
        new TinyRun()
            .result("fetch-1000", "grpc-blazebinary", r -> {})
            .result("fetch-1000", "rest-json", r -> r.wire(100, 500_000))
            .build();

    ClaimResult result = check("bandwidth-4x-less", run);

    assertThat(result.verdict()).isEqualTo(Verdict.NOT_MEASURED);
    assertThat(result.detail())
        .isEqualTo("grpc-blazebinary in fetch-1000 has no wireReceivedPerOp");
  }

  @Test
  void bandwidthIsTheRatioOfWireBytes() {
    RunResults run =
        new TinyRun()
            .result("fetch-1000", "grpc-blazebinary", r -> r.wire(100, 100_000))
            .result("fetch-1000", "rest-json", r -> r.wire(100, 500_000))
            .build();

    assertThat(check("bandwidth-4x-less", run).verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(check("bandwidth-4x-less", run).measuredText()).isEqualTo("5.00x");
    assertThat(check("bandwidth-60pct-less", run).measuredText()).isEqualTo("80%");
    assertThat(check("bandwidth-60pct-less", run).verdict()).isEqualTo(Verdict.HOLDS);
  }

  @Test
  void batteryIsNotMeasurableAndShowsTheCpuProxy() {
    RunResults run =
        new TinyRun()
            .result("fetch-1000", "grpc-blazebinary", r -> r.cpu(100, 50))
            .result("fetch-1000", "rest-json", r -> r.cpu(400, 100))
            .build();

    ClaimResult result = check("battery-70pct-less", run);

    assertThat(result.verdict()).isEqualTo(Verdict.NOT_MEASURABLE);
    assertThat(result.measuredText()).isEqualTo("70%");
    assertThat(result.detail())
        .startsWith("Battery drain is not measured")
        .contains("Proxy: 1 - CPU");
  }

  @Test
  void aNotMeasurableClaimWhoseProxyIsAbsentSaysSo() {
    RunResults run = new TinyRun().result("fetch-1000", "grpc-blazebinary", r -> {}).build();

    ClaimResult result = check("transfer-2.5x-faster-10mbps", run);

    assertThat(result.verdict()).isEqualTo(Verdict.NOT_MEASURABLE);
    assertThat(result.measured()).isNull();
    assertThat(result.detail())
        .contains("run with --link 10mbit")
        .contains("proxy not measured: API rest-json-gzip was not run");
  }

  @Test
  void overATenMbpsLinkTheTransferClaimIsTheFetchLatencyRatio() {
    // Per-round ratios 2.5, 2.6, 3.0 of REST/JSON+gzip over gRPC/BlazeBinary: median 2.6.
    RunResults run =
        new TinyRun()
            .link("10mbit")
            .result("fetch-1000", "rest-json-gzip", r -> r.p50Micros(125_000, 130_000, 150_000))
            .result("fetch-1000", "grpc-blazebinary", r -> r.p50Micros(50_000, 50_000, 50_000))
            .build();

    ClaimResult result = check("transfer-2.5x-faster-10mbps", run);

    assertThat(result.verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(result.measuredText()).isEqualTo("2.60x (2.50x\u20133.00x)");
  }

  @Test
  void overATenMbpsLinkTheTest1TransferClaimIsTheInsertLatencyRatio() {
    RunResults run =
        new TinyRun()
            .link("10mbit")
            .result("insert-100", "rest-json", r -> r.p50Micros(33_000, 33_000, 33_000))
            .result("insert-100", "grpc-blazebinary", r -> r.p50Micros(30_000, 30_000, 30_000))
            .build();

    ClaimResult result = check("test1-transfer-3.2x-faster", run);

    assertThat(result.verdict()).isEqualTo(Verdict.DOES_NOT_HOLD);
    assertThat(result.measuredText()).isEqualTo("1.10x");
  }

  @Test
  void overLoopbackTheTransferClaimsStayNotMeasurableWithTheirProxy() {
    RunResults run =
        new TinyRun()
            .result("fetch-1000", "rest-json-gzip", r -> r.p50Micros(100_000).wire(100, 80_000))
            .result("fetch-1000", "grpc-blazebinary", r -> r.p50Micros(50_000).wire(100, 40_000))
            .build();

    ClaimResult result = check("transfer-2.5x-faster-10mbps", run);

    assertThat(result.verdict()).isEqualTo(Verdict.NOT_MEASURABLE);
    assertThat(result.measuredText()).isEqualTo("2.00x"); // the wire-bytes proxy
    assertThat(result.detail())
        .contains("run with --link 10mbit (root; Linux network namespaces)")
        .contains("This run's link: loopback, not shaped.")
        .contains("Proxy: wire bytes");
  }

  @Test
  void overALinkOfAnotherRateTheTransferClaimsStayNotMeasurable() {
    RunResults run =
        new TinyRun()
            .link("100mbit")
            .result("insert-100", "rest-json", r -> r.p50Micros(90_000).wire(40_000, 100))
            .result("insert-100", "grpc-blazebinary", r -> r.p50Micros(10_000).wire(30_000, 100))
            .build();

    ClaimResult result = check("test1-transfer-3.2x-faster", run);

    assertThat(result.verdict()).isEqualTo(Verdict.NOT_MEASURABLE);
    assertThat(result.detail()).contains("This run's link: shaped to 100mbit, not 10mbit.");
  }

  @Test
  void overAShapedLinkALatencyClaimMadeForNoLinkIsNotJudged() {
    RunResults run =
        new TinyRun()
            .link("10mbit")
            .result("fetch-1000", "rest-json", r -> r.p50Micros(40_000, 41_000, 39_000))
            .result("fetch-1000", "grpc-blazebinary", r -> r.p50Micros(5_000, 5_000, 5_000))
            .build();

    ClaimResult result = check("speed-8x-faster-than-rest", run);

    assertThat(result.verdict()).isEqualTo(Verdict.NOT_MEASURED);
    assertThat(result.detail())
        .contains("this run crossed a link (shaped to 10mbit)")
        .contains("judged on loopback runs");
  }

  @Test
  void withAnAddedDelayALatencyClaimMadeForNoLinkIsNotJudgedAndALinkClaimIsNotMeasurable() {
    RunResults run =
        new TinyRun()
            .delayMillis(20)
            .result("fetch-1000", "rest-json", r -> r.p50Micros(80_000, 81_000, 79_000))
            .result("fetch-1000", "grpc-blazebinary", r -> r.p50Micros(45_000, 45_000, 45_000))
            .result("fetch-1000", "rest-json-gzip", r -> r.p50Micros(90_000).wire(100, 80_000))
            .build();

    ClaimResult latency = check("speed-8x-faster-than-rest", run);
    assertThat(latency.verdict()).isEqualTo(Verdict.NOT_MEASURED);
    assertThat(latency.detail())
        .contains("this run crossed a link (20 ms added each way)")
        .contains("compare without --link or --delay");

    ClaimResult transfer = check("transfer-2.5x-faster-10mbps", run);
    assertThat(transfer.verdict()).isEqualTo(Verdict.NOT_MEASURABLE);
    assertThat(transfer.detail())
        .contains("This run's link: 20 ms added each way, rate not shaped.");
  }

  /** The battery proxy of {@link #batteryIsNotMeasurableAndShowsTheCpuProxy}, over a link. */
  @Test
  void overAShapedLinkTheCpuProxyIsNotShown() {
    RunResults run =
        new TinyRun()
            .link("10mbit")
            .result("fetch-1000", "grpc-blazebinary", r -> r.cpu(100, 50))
            .result("fetch-1000", "rest-json", r -> r.cpu(400, 100))
            .build();

    ClaimResult result = check("battery-70pct-less", run);

    assertThat(result.verdict()).isEqualTo(Verdict.NOT_MEASURABLE);
    assertThat(result.measured()).isNull();
    assertThat(result.detail())
        .contains("Proxy: 1 - CPU")
        .contains(
            "(proxy not measured: this run crossed a link (shaped to 10mbit); latency, rate and"
                + " CPU claims made for no particular link are judged on loopback runs");
  }

  @Test
  void overAShapedLinkAByteClaimIsJudgedAsOnLoopback() {
    RunResults run =
        new TinyRun()
            .link("10mbit")
            .result("fetch-1000", "grpc-blazebinary", r -> r.wire(100, 200_000))
            .result("fetch-1000", "rest-json", r -> r.wire(100, 500_000))
            .build();
    RunResults loopback =
        new TinyRun()
            .result("fetch-1000", "grpc-blazebinary", r -> r.wire(100, 200_000))
            .result("fetch-1000", "rest-json", r -> r.wire(100, 500_000))
            .build();

    ClaimResult result = check("bandwidth-4x-less", run);

    assertThat(result.verdict()).isIn(Verdict.HOLDS, Verdict.DOES_NOT_HOLD);
    assertThat(result).isEqualTo(check("bandwidth-4x-less", loopback));
  }

  @Test
  void formatClaimsReadTheCodecSizesAndTimes() {
    RunResults run = codecRun();

    // 368,274 B against 459,760 B: 20% smaller, not 53%.
    assertThat(check("size-53pct-smaller-than-json", run).verdict())
        .isEqualTo(Verdict.DOES_NOT_HOLD);
    assertThat(check("size-53pct-smaller-than-json", run).measuredText()).isEqualTo("20%");
    // The seed's JSON baseline size is right: 459,760 B is within 15% of 450 KB.
    assertThat(check("json-1000-records-450kb", run).verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(check("json-1000-records-450kb", run).measuredText()).isEqualTo("449 KB");
    // Encode 1,500 µs / 410 µs = 3.66x.
    assertThat(check("encode-5x-faster", run).measured()).isCloseTo(3.66, within(0.005));
    assertThat(check("encode-1000-records-15ms", run).verdict()).isEqualTo(Verdict.HOLDS);
  }

  @Test
  void formatClaimsAreNotMeasuredWhenTheCodecBenchmarksWereSkipped() {
    RunResults run = new TinyRun().result("fetch-1000", "grpc-blazebinary", r -> {}).build();

    ClaimResult result = check("decode-8x-faster", run);

    assertThat(result.verdict()).isEqualTo(Verdict.NOT_MEASURED);
    assertThat(result.detail()).isEqualTo("the codec benchmarks were skipped");
  }

  @Test
  void aggregationSavingsCompareTheTwoOperationsOfOneScenario() {
    RunResults run =
        new TinyRun()
            .result("aggregate", "grpc-blazebinary", r -> r.operation("aggregate").payload(40, 150))
            .result(
                "aggregate",
                "grpc-blazebinary",
                r -> r.operation("download-count").payload(30, 3_600_000))
            .build();

    assertThat(check("aggregate-5000x-less-data", run).measuredText()).isEqualTo("24,000x");
    assertThat(check("aggregate-5000x-less-data", run).verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(check("aggregate-result-200-bytes", run).verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(check("aggregate-query-50-bytes", run).measuredText()).isEqualTo("40 B");
  }

  @Test
  void restStreamingWithoutFailureDisprovesTheOomClaim() {
    RunResults run =
        new TinyRun()
            .result("stream-1m", "grpc-blazebinary", r -> r.counts(1, 0))
            .result("stream-1m", "rest-json", r -> r.counts(1, 0))
            .build();

    assertThat(check("stream-1m-without-oom", run).verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(check("rest-1m-oom", run).verdict()).isEqualTo(Verdict.DOES_NOT_HOLD);
  }

  @Test
  void aResultWithNoCallsAtAllIsNotMeasured() {
    RunResults run =
        new TinyRun().result("stream-1m", "grpc-blazebinary", r -> r.counts(0, 0)).build();

    ClaimResult result = check("stream-1m-without-oom", run);

    assertThat(result.verdict()).isEqualTo(Verdict.NOT_MEASURED);
    assertThat(result.detail()).isEqualTo("grpc-blazebinary in stream-1m made no calls");
  }

  @Test
  void latenciesOfAResultWhoseCallsAllFailedAreNotMeasured() {
    RunResults run =
        new TinyRun().result("insert-100", "grpc-blazebinary", r -> r.counts(0, 5)).build();

    ClaimResult result = check("test1-blazebinary-38ms", run);

    assertThat(result.verdict()).isEqualTo(Verdict.NOT_MEASURED);
    assertThat(result.detail()).isEqualTo("grpc-blazebinary in insert-100 had no successful calls");
  }

  @Test
  void theSyncClaimsReadTheirOwnOperationOfTheSyncScenario() {
    RunResults run =
        new TinyRun()
            .result(
                "sync", "grpc-blazebinary", r -> r.operation("round-trip").p50Micros(2_000, 3_000))
            .result(
                "sync",
                "grpc-blazebinary",
                r -> r.operation("push-to-receive").p50Micros(60_000, 70_000))
            .build();

    ClaimResult roundTrip = check("sync-sub-50ms-round-trip", run);
    ClaimResult pushToReceive = check("sync-sub-50ms-push-to-receive", run);

    assertThat(roundTrip.verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(pushToReceive.verdict()).isEqualTo(Verdict.DOES_NOT_HOLD);
  }

  @Test
  void anApproximateClaimHoldsOnlyWithinItsTolerance() {
    RunResults fiveSeconds =
        new TinyRun()
            .result("realtime", "rest-poll-5s", r -> r.p50Micros(4_600_000, 4_600_000))
            .build();
    RunResults twoSeconds =
        new TinyRun()
            .result("realtime", "rest-poll-5s", r -> r.p50Micros(2_000_000, 2_000_000))
            .build();

    assertThat(check("test3-polling-5s", fiveSeconds).verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(check("test3-polling-5s", twoSeconds).verdict()).isEqualTo(Verdict.DOES_NOT_HOLD);
  }

  @Test
  void theSyntheticRunGetsAVerdictForEveryClaim() {
    var results = ClaimCheck.check(CATALOGUE, SyntheticRun.build());

    assertThat(results).hasSameSizeAs(CATALOGUE.claims());
    var counts = ClaimCheck.countByVerdict(results);
    assertThat(counts.values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(CATALOGUE.claims().size());
    // The synthetic run has no stream-1m, no download-count and no sync: those are not measured.
    assertThat(counts.get(Verdict.NOT_MEASURED)).isPositive();
    assertThat(counts.get(Verdict.NOT_MEASURABLE)).isEqualTo(6);
    results.stream()
        .filter(r -> r.verdict() == Verdict.HOLDS || r.verdict() == Verdict.DOES_NOT_HOLD)
        .forEach(r -> assertThat(r.measuredText()).as(r.claim().id()).isNotEmpty());
  }
}

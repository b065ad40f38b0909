package dev.blazebench.reports.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One short interval of one round (from the load driver's interval log): how many calls succeeded
 * and their median and 99th percentile latency. Times count from the round's measured start.
 */
@JsonPropertyOrder({"round", "startSec", "endSec", "count", "p50Micros", "p99Micros"})
public record TimelinePoint(
    int round, double startSec, double endSec, long count, long p50Micros, long p99Micros) {

  /** Successful calls per second in this interval; 0 for an empty interval. */
  public double throughputPerSec() {
    double lengthSec = endSec - startSec;
    return lengthSec > 0 ? count / lengthSec : 0;
  }
}

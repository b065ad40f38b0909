package dev.blazebench.codec;

/**
 * Jackson JSON with the Blackbird module: one bug record per message (each op the next of 1,000).
 */
public class Fetch1JsonBlackbird extends CodecBenchmark {
  public Fetch1JsonBlackbird() {
    super(Format.JSON_BLACKBIRD, Workload.FETCH_1);
  }
}

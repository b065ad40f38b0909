package dev.blazebench.codec;

/** Jackson JSON with the Blackbird module: 1,000 bug records in one message. */
public class Fetch1000JsonBlackbird extends CodecBenchmark {
  public Fetch1000JsonBlackbird() {
    super(Format.JSON_BLACKBIRD, Workload.FETCH_1000);
  }
}

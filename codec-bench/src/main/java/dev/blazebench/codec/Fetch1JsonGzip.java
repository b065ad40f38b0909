package dev.blazebench.codec;

/** Jackson JSON, gzipped: one bug record per message (each op the next of 1,000). */
public class Fetch1JsonGzip extends CodecBenchmark {
  public Fetch1JsonGzip() {
    super(Format.JSON_GZIP, Workload.FETCH_1);
  }
}

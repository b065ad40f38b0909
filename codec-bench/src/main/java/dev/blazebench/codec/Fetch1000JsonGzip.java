package dev.blazebench.codec;

/** Jackson JSON, gzipped: 1,000 bug records in one message. */
public class Fetch1000JsonGzip extends CodecBenchmark {
  public Fetch1000JsonGzip() {
    super(Format.JSON_GZIP, Workload.FETCH_1000);
  }
}

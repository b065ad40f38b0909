package dev.blazebench.load.record;

import java.io.IOException;

/**
 * Where the driver writes each interval's histograms during the run: HdrHistogram interval logs in
 * production ({@link HlogFiles}), nothing in most tests.
 */
public interface IntervalSink extends AutoCloseable {

  /** Writes nothing. */
  IntervalSink NONE =
      new IntervalSink() {
        @Override
        public void write(
            String operationName,
            double startSec,
            double endSec,
            OperationRecorder.IntervalHistograms histograms) {}

        @Override
        public void close() {}
      };

  /**
   * One interval of one operation.
   *
   * @param startSec the interval's start, seconds since the measured part began
   * @param endSec its end
   */
  void write(
      String operationName,
      double startSec,
      double endSec,
      OperationRecorder.IntervalHistograms histograms)
      throws IOException;

  @Override
  void close() throws IOException;
}

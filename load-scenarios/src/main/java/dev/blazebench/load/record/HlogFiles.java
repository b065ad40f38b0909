package dev.blazebench.load.record;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * HdrHistogram interval logs, one file per operation: {@code <dir>/<api>-<scenario>-<op>.hlog}.
 * Each interval is written as three tagged histograms (µs): {@code corrected} (successes, from the
 * intended start), {@code uncorrected} (successes, from the actual send) and {@code errors}
 * (failures, from the intended start). HdrHistogram's {@code HistogramLogReader} and its
 * HistogramLogAnalyzer read them; the "max" column is in milliseconds.
 *
 * <p>Written as the run goes (flushed every interval), so a run that dies leaves its log up to the
 * last interval.
 */
public final class HlogFiles implements IntervalSink {

  /** The tags, in the order each interval writes them. */
  public static final String CORRECTED = "corrected";

  public static final String UNCORRECTED = "uncorrected";
  public static final String ERRORS = "errors";

  private final Map<String, Writer> writers = new LinkedHashMap<>();

  /**
   * Opens one log per operation and writes its header.
   *
   * @param startEpochMillis wall-clock time when the measured part began: interval times count from
   *     it
   */
  public HlogFiles(
      Path dir, String api, String scenario, List<String> operationNames, long startEpochMillis)
      throws IOException {
    Files.createDirectories(dir);
    try {
      for (String operation : operationNames) {
        Path file = dir.resolve(fileName(api, scenario, operation));
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
        PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8);
        HistogramLogWriter log = new HistogramLogWriter(print);
        log.outputComment(
            "blazebench load: api="
                + api
                + " scenario="
                + scenario
                + " operation="
                + operation
                + "; values in microseconds; tags "
                + CORRECTED
                + " (from intended start), "
                + UNCORRECTED
                + " (from actual send), "
                + ERRORS);
        log.outputLogFormatVersion();
        log.outputStartTime(startEpochMillis);
        log.setBaseTime(startEpochMillis);
        log.outputBaseTime(startEpochMillis);
        log.outputLegend();
        print.flush();
        writers.put(operation, new Writer(log, print));
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** {@code <api>-<scenario>-<operation>.hlog}. */
  public static String fileName(String api, String scenario, String operation) {
    return api + "-" + scenario + "-" + operation + ".hlog";
  }

  @Override
  public void write(
      String operationName,
      double startSec,
      double endSec,
      OperationRecorder.IntervalHistograms histograms)
      throws IOException {
    Writer writer = writers.get(operationName);
    if (writer == null) {
      throw new IllegalArgumentException("no log for operation '" + operationName + "'");
    }
    writer.write(startSec, endSec, CORRECTED, histograms.corrected());
    writer.write(startSec, endSec, UNCORRECTED, histograms.uncorrected());
    writer.write(startSec, endSec, ERRORS, histograms.errors());
    writer.print.flush();
    if (writer.print.checkError()) {
      throw new IOException("writing the interval log of '" + operationName + "' failed");
    }
  }

  @Override
  public void close() {
    for (Writer writer : writers.values()) {
      writer.log.close();
    }
  }

  private record Writer(HistogramLogWriter log, PrintStream print) {

    void write(double startSec, double endSec, String tag, Histogram histogram) {
      histogram.setTag(tag);
      log.outputIntervalHistogram(
          startSec, endSec, histogram, LatencyUnits.LOG_MAX_VALUE_UNIT_RATIO);
    }
  }
}

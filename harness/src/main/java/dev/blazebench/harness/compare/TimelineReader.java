package dev.blazebench.harness.compare;

import dev.blazebench.load.record.HlogFiles;
import dev.blazebench.reports.model.TimelinePoint;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Reads one load run's interval log ({@code <api>-<scenario>-<op>.hlog}, 1 s intervals, tag {@code
 * corrected}) into timeline points: successes and their p50/p99 per interval, seconds counted from
 * the run's measured start (the log's base time).
 */
final class TimelineReader {

  private TimelineReader() {}

  /** The points of {@code round}'s log, or none when the log is missing. */
  static List<TimelinePoint> read(Path hlog, int round) {
    List<TimelinePoint> points = new ArrayList<>();
    if (!Files.isRegularFile(hlog)) {
      return points;
    }
    try {
      HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
      try {
        EncodableHistogram next;
        while ((next = reader.nextIntervalHistogram()) != null) {
          if (!HlogFiles.CORRECTED.equals(next.getTag()) || !(next instanceof Histogram h)) {
            continue;
          }
          double base = reader.getStartTimeSec();
          double startSec = h.getStartTimeStamp() / 1000.0 - base;
          double endSec = h.getEndTimeStamp() / 1000.0 - base;
          long count = h.getTotalCount();
          points.add(
              new TimelinePoint(
                  round,
                  round3(startSec),
                  round3(endSec),
                  count,
                  count == 0 ? 0 : h.getValueAtPercentile(50),
                  count == 0 ? 0 : h.getValueAtPercentile(99)));
        }
      } finally {
        reader.close();
      }
    } catch (FileNotFoundException e) {
      return points;
    }
    return points;
  }

  private static double round3(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }
}

package dev.blazebench.harness.compare;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them on the console: "1.5s", "2m05s", "500ms". */
final class TimeText {

  private TimeText() {}

  static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + "ms";
    }
    if (millis < 60_000) {
      double seconds = millis / 1000.0;
      return seconds == Math.rint(seconds)
          ? (long) seconds + "s"
          : String.format(Locale.US, "%.1fs", seconds);
    }
    long seconds = Math.round(millis / 1000.0);
    return String.format(Locale.US, "%dm%02ds", seconds / 60, seconds % 60);
  }

  static String formatSeconds(double seconds) {
    return format(Duration.ofMillis(Math.round(Math.max(0, seconds) * 1000)));
  }
}

package dev.blazebench.harness.codec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Renders codec rows as Markdown tables, one per workload, padded so they read in a terminal too,
 * followed by the goal check on the 1,000-record workload: BlazeBinary encode and decode at
 * least as fast as typed Protobuf and at least 0.8x Apache Fory, measured in the same run.
 */
final class CodecTable {

  /** The workload the goal is stated on. */
  static final String GOAL_WORKLOAD = "Fetch1000";

  static final double GOAL_VS_PROTOBUF = 1.0;
  static final double GOAL_VS_FORY = 0.8;

  private static final String[] HEADER = {
    "format",
    "encode µs",
    "±",
    "decode µs",
    "±",
    "encode alloc B",
    "decode alloc B",
    "raw B",
    "gzip B"
  };

  private CodecTable() {}

  static String render(List<CodecRow> rows) {
    StringBuilder out = new StringBuilder();
    Set<String> workloads = new LinkedHashSet<>();
    rows.forEach(row -> workloads.add(row.workload()));
    for (String workload : workloads) {
      out.append(String.format(Locale.US, "%n%s — %s%n%n", workload, describe(workload)));
      List<String[]> cells = new ArrayList<>();
      cells.add(HEADER);
      for (CodecRow row : rows) {
        if (row.workload().equals(workload)) {
          cells.add(cells(row));
        }
      }
      appendTable(out, cells);
    }
    out.append(renderGoal(rows));
    return out.toString();
  }

  /**
   * The goal verdicts for BlazeBinary v1, v2 and the typed binding (BlazeBinaryMapper, bound at run
   * time and through generated code), or nothing when the run lacks a side.
   */
  static String renderGoal(List<CodecRow> rows) {
    CodecRow protobuf = find(rows, GOAL_WORKLOAD, "Protobuf");
    CodecRow fory = find(rows, GOAL_WORKLOAD, "Fory");
    StringBuilder out = new StringBuilder();
    for (String blaze :
        List.of("BlazeBinaryV1", "BlazeBinaryV2", "BlazeBinaryTyped", "BlazeBinaryGenerated")) {
      CodecRow row = find(rows, GOAL_WORKLOAD, blaze);
      if (row == null || protobuf == null || fory == null || !complete(row, protobuf, fory)) {
        continue;
      }
      double encodeVsProtobuf = protobuf.encode().medianMicros() / row.encode().medianMicros();
      double decodeVsProtobuf = protobuf.decode().medianMicros() / row.decode().medianMicros();
      double encodeVsFory = fory.encode().medianMicros() / row.encode().medianMicros();
      double decodeVsFory = fory.decode().medianMicros() / row.decode().medianMicros();
      boolean met =
          encodeVsProtobuf >= GOAL_VS_PROTOBUF
              && decodeVsProtobuf >= GOAL_VS_PROTOBUF
              && encodeVsFory >= GOAL_VS_FORY
              && decodeVsFory >= GOAL_VS_FORY;
      out.append(
          String.format(
              Locale.US,
              "%nGoal on %s (speed as a multiple of the same run's): %s encode %.2fx Protobuf,"
                  + " %.2fx Fory;"
                  + " decode %.2fx Protobuf, %.2fx Fory -> %s (needs >= %.2fx Protobuf and >="
                  + " %.2fx Fory)%n",
              GOAL_WORKLOAD,
              blaze,
              encodeVsProtobuf,
              encodeVsFory,
              decodeVsProtobuf,
              decodeVsFory,
              met ? "met" : "NOT met",
              GOAL_VS_PROTOBUF,
              GOAL_VS_FORY));
    }
    return out.toString();
  }

  private static boolean complete(CodecRow... rows) {
    for (CodecRow row : rows) {
      if (row.encode() == null || row.decode() == null) {
        return false;
      }
    }
    return true;
  }

  private static String describe(String workload) {
    if (workload.equals("Fetch1")) {
      return "one record per message (mean over the 1,000 records)";
    }
    if (workload.equals(GOAL_WORKLOAD)) {
      return "1,000 records in one message";
    }
    return workload;
  }

  private static String[] cells(CodecRow row) {
    return new String[] {
      row.format(),
      row.encode() == null ? "-" : micros(row.encode().medianMicros()),
      row.encode() == null ? "-" : errorPercent(row.encode()),
      row.decode() == null ? "-" : micros(row.decode().medianMicros()),
      row.decode() == null ? "-" : errorPercent(row.decode()),
      row.encode() == null ? "-" : bytes(row.encode().allocBytesPerOp()),
      row.decode() == null ? "-" : bytes(row.decode().allocBytesPerOp()),
      bytes(row.rawBytesPerMessage()),
      bytes(row.gzipBytesPerMessage())
    };
  }

  private static String micros(double micros) {
    return String.format(
        Locale.US, micros < 10 ? "%.3f" : micros < 1000 ? "%.1f" : "%,.0f", micros);
  }

  /** JMH's error as a share of its score; "?" where it has too few iterations to say. */
  private static String errorPercent(CodecRow.Timing timing) {
    if (Double.isNaN(timing.errorMicros()) || timing.scoreMicros() == 0) {
      return "?";
    }
    return String.format(Locale.US, "%.0f%%", 100 * timing.errorMicros() / timing.scoreMicros());
  }

  private static String bytes(Double bytes) {
    return bytes == null ? "-" : String.format(Locale.US, "%,.0f", bytes);
  }

  private static CodecRow find(List<CodecRow> rows, String workload, String format) {
    for (CodecRow row : rows) {
      if (row.workload().equals(workload) && row.format().equals(format)) {
        return row;
      }
    }
    return null;
  }

  /** A Markdown table with every column padded to its widest cell; text left, numbers right. */
  private static void appendTable(StringBuilder out, List<String[]> cells) {
    int[] widths = new int[HEADER.length];
    for (String[] line : cells) {
      for (int c = 0; c < line.length; c++) {
        widths[c] = Math.max(widths[c], line[c].length());
      }
    }
    for (int r = 0; r < cells.size(); r++) {
      String[] line = cells.get(r);
      out.append('|');
      for (int c = 0; c < line.length; c++) {
        String pad = " ".repeat(widths[c] - line[c].length());
        out.append(' ').append(c == 0 ? line[c] + pad : pad + line[c]).append(" |");
      }
      out.append('\n');
      if (r == 0) {
        out.append('|');
        for (int c = 0; c < line.length; c++) {
          out.append("-".repeat(widths[c] + 1)).append(c == 0 ? "-|" : ":|");
        }
        out.append('\n');
      }
    }
  }
}

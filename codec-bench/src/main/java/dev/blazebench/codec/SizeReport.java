package dev.blazebench.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.blazebench.protocol.workload.BugWorkload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the size of every format for both workloads, raw and gzipped, as data: {@code sizes.json}
 * (for the reports) and {@code sizes.md} (for people), in the directory given.
 *
 * <pre>
 * java -cp codec-bench/target/benchmarks.jar dev.blazebench.codec.SizeReport reports/out/sizes
 * </pre>
 */
public final class SizeReport {

  /** Names the layout of {@code sizes.json}; bumped when a field changes meaning. */
  public static final String SCHEMA = "blazebench.codec.sizes/1";

  private SizeReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: SizeReport OUT_DIR   (writes OUT_DIR/sizes.json and sizes.md)");
      System.exit(1);
    }
    Path dir = Path.of(args[0]);
    List<MessageSize> sizes = measureAll();
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("sizes.json"), toJson(sizes), StandardCharsets.UTF_8);
    String table = toMarkdown(sizes);
    Files.writeString(dir.resolve("sizes.md"), table, StandardCharsets.UTF_8);
    System.out.print(table);
  }

  /** Every format for every workload, workload by workload. */
  public static List<MessageSize> measureAll() throws IOException {
    List<MessageSize> sizes = new ArrayList<>();
    for (Workload workload : Workload.values()) {
      for (Format format : Format.values()) {
        sizes.add(MessageSize.measure(format, workload));
      }
    }
    return sizes;
  }

  /** The {@code sizes.json} document. */
  public static String toJson(List<MessageSize> sizes) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("schema", SCHEMA);
    document.put("seed", BugWorkload.DEFAULT_SEED);
    document.put("records", Workload.RECORDS);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (MessageSize size : sizes) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("workload", size.workload());
      row.put("format", size.format());
      row.put("messages", size.messages());
      row.put("recordsPerMessage", size.recordsPerMessage());
      row.put("rawBytes", size.rawBytes());
      row.put("gzipBytes", size.gzipBytes());
      row.put("rawBytesPerMessage", round1(size.rawBytesPerMessage()));
      row.put(
          "gzipBytesPerMessage",
          size.gzipBytesPerMessage() == null ? null : round1(size.gzipBytesPerMessage()));
      row.put("decodesTo", Format.ofMechanism(size.format()).decodesTo());
      rows.add(row);
    }
    document.put("rows", rows);
    ObjectMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    try {
      return mapper.writeValueAsString(document) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One table per workload: bytes per message raw and gzipped, and each as a share of JSON's. */
  public static String toMarkdown(List<MessageSize> sizes) {
    StringBuilder out = new StringBuilder();
    for (Workload workload : Workload.values()) {
      MessageSize json = find(sizes, workload, Format.JSON);
      out.append(
          String.format(
              Locale.US,
              "%n%s: %d message(s) of %d record(s); bytes per message%n%n",
              workload.shape(),
              workload.messageCount(),
              workload.recordsPerMessage()));
      out.append("| format | raw bytes | vs JSON | gzip bytes | vs JSON gzip |\n");
      out.append("|---|---:|---:|---:|---:|\n");
      for (MessageSize size : sizes) {
        if (!size.workload().equals(workload.shape())) {
          continue;
        }
        out.append(
            String.format(
                Locale.US,
                "| %s | %s | %s | %s | %s |%n",
                size.format(),
                bytes(size.rawBytesPerMessage()),
                percent(size.rawBytes(), json.rawBytes()),
                size.gzipBytes() == null ? "-" : bytes(size.gzipBytesPerMessage()),
                size.gzipBytes() == null ? "-" : percent(size.gzipBytes(), json.gzipBytes())));
      }
    }
    return out.toString();
  }

  private static MessageSize find(List<MessageSize> sizes, Workload workload, Format format) {
    for (MessageSize size : sizes) {
      if (size.workload().equals(workload.shape()) && size.format().equals(format.mechanism())) {
        return size;
      }
    }
    throw new IllegalArgumentException("no size for " + workload.shape() + format.mechanism());
  }

  /** Whole bytes as an integer, a mean over messages with one decimal. */
  private static String bytes(double value) {
    return value == Math.rint(value)
        ? String.format(Locale.US, "%,d", (long) value)
        : String.format(Locale.US, "%,.1f", value);
  }

  private static String percent(long bytes, long baselineBytes) {
    return String.format(Locale.US, "%.0f%%", 100.0 * bytes / baselineBytes);
  }

  private static double round1(double value) {
    return Math.round(value * 10) / 10.0;
  }
}

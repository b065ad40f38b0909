package dev.blazebench.reports.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * Encoded size of a workload in one format: the whole workload's bytes ({@code Fetch1}: 1,000
 * messages of one record; {@code Fetch1000}: one message of 1,000 records), raw and gzipped.
 *
 * @param gzipBytes null for a format that is already compressed ({@code JsonGzip}, {@code
 *     ProtobufGzip})
 */
@JsonPropertyOrder({"workload", "format", "rawBytes", "gzipBytes"})
public record CodecSize(String workload, String format, long rawBytes, Long gzipBytes) {

  public CodecSize {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(format, "format");
  }
}

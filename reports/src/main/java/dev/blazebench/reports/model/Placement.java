package dev.blazebench.reports.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * Where the server and the load driver ran. When they were not pinned to separate CPUs they
 * competed for the same cores, and the report warns that latencies include that contention.
 *
 * @param pinned true when each process was bound to its own CPUs
 * @param serverCpus the server's CPU list (taskset syntax), null if not pinned
 * @param driverCpus the driver's CPU list, null if not pinned
 * @param note a sentence saying how (or why not) they were placed
 */
@JsonPropertyOrder({"pinned", "serverCpus", "driverCpus", "note"})
public record Placement(boolean pinned, String serverCpus, String driverCpus, String note) {

  public Placement {
    Objects.requireNonNull(note, "note");
  }
}

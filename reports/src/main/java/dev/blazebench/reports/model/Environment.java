package dev.blazebench.reports.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Objects;

/**
 * The machine and build a run measured: absolute figures are only a property of this machine, so
 * every report names it.
 *
 * @param gitSha the commit the harness was built from, null if unknown
 * @param gitDirty whether the work tree had changes, null if unknown
 * @param memoryBytes physical memory, -1 if unknown
 * @param placement where the server and the driver ran (pinned to CPUs or sharing them)
 * @param link the shaped link between driver and servers ({@code compare --link}); null (and absent
 *     from the file) when they talked over loopback
 */
@JsonPropertyOrder({
  "gitSha",
  "gitDirty",
  "jvm",
  "javaVersion",
  "os",
  "arch",
  "cores",
  "cpuModel",
  "memoryBytes",
  "hostName",
  "startedAt",
  "finishedAt",
  "placement",
  "link"
})
public record Environment(
    String gitSha,
    Boolean gitDirty,
    String jvm,
    String javaVersion,
    String os,
    String arch,
    int cores,
    String cpuModel,
    long memoryBytes,
    String hostName,
    Instant startedAt,
    Instant finishedAt,
    Placement placement,
    @JsonInclude(JsonInclude.Include.NON_NULL) NetworkLink link) {

  /** This environment with {@code link} as the link the load crossed. */
  public Environment withLink(NetworkLink link) {
    return new Environment(
        gitSha,
        gitDirty,
        jvm,
        javaVersion,
        os,
        arch,
        cores,
        cpuModel,
        memoryBytes,
        hostName,
        startedAt,
        finishedAt,
        placement,
        link);
  }

  public Environment {
    Objects.requireNonNull(jvm, "jvm");
    Objects.requireNonNull(javaVersion, "javaVersion");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(placement, "placement");
  }
}

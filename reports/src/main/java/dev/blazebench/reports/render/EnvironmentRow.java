package dev.blazebench.reports.render;

import dev.blazebench.reports.model.Environment;
import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.model.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of the report's environment block. {@code key} is stable (the golden-file tests mask
 * rows by it, since the machine differs from run to run).
 */
record EnvironmentRow(String key, String label, String value) {

  static List<EnvironmentRow> of(RunResults run) {
    Environment env = run.environment();
    Settings settings = run.settings();
    List<EnvironmentRow> rows = new ArrayList<>();
    String sha = env.gitSha() == null ? "unknown" : env.gitSha();
    if (Boolean.TRUE.equals(env.gitDirty())) {
      sha += " (with uncommitted changes)";
    }
    rows.add(new EnvironmentRow("gitSha", "Commit", sha));
    rows.add(new EnvironmentRow("startedAt", "Started", Fmt.time(env.startedAt())));
    rows.add(new EnvironmentRow("finishedAt", "Finished", Fmt.time(env.finishedAt())));
    rows.add(new EnvironmentRow("jvm", "JVM", env.jvm() + " (Java " + env.javaVersion() + ")"));
    rows.add(new EnvironmentRow("os", "OS", env.os() + " " + env.arch()));
    String cpu = env.cpuModel() == null ? "unknown CPU" : env.cpuModel();
    rows.add(new EnvironmentRow("cpu", "CPU", env.cores() + " cores, " + cpu));
    rows.add(
        new EnvironmentRow(
            "memory",
            "Memory",
            env.memoryBytes() < 0
                ? "unknown"
                : String.format(Locale.US, "%.1f GiB", env.memoryBytes() / (double) (1L << 30))));
    rows.add(
        new EnvironmentRow(
            "hostName", "Host", env.hostName() == null ? "unknown" : env.hostName()));
    rows.add(
        new EnvironmentRow(
            "placement",
            "Placement",
            (env.placement().pinned() ? "pinned: " : "not pinned: ") + env.placement().note()));
    if (env.link() != null) {
      // Only runs over a link have the row, so loopback reports read as they always did.
      rows.add(
          new EnvironmentRow("link", "Link", env.link().describe() + ": " + env.link().note()));
    }
    rows.add(
        new EnvironmentRow(
            "profile",
            "Profile",
            String.format(
                Locale.US,
                "%s: %d rounds of %s s per API and scenario, %s s warm-up, after a warm-up round"
                    + " of %s s each; codec %s",
                settings.profile(),
                settings.rounds(),
                Fmt.decimal(settings.roundDurationSec(), 1),
                Fmt.decimal(settings.warmupSec(), 1),
                Fmt.decimal(settings.warmupRoundSec(), 1),
                settings.codec())));
    rows.add(new EnvironmentRow("apis", "APIs", String.join(", ", settings.apis())));
    rows.add(new EnvironmentRow("referenceApi", "Reference API", settings.referenceApi()));
    return rows;
  }
}

package dev.blazebench.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store on a disk that fills up, for real: a 3 MB tmpfs mounted for the test, where this process
 * may mount one (root, Linux); skipped elsewhere. Before the store skipped its commit on close once
 * failed, closing it threw the full disk's error again.
 */
class DiskFullTest {

  @TempDir Path tmp;

  private Path mount;

  @AfterEach
  void unmount() throws Exception {
    if (mount != null) {
      run("umount", mount.toString());
    }
  }

  @Test
  void aStoreThatFillsItsDiskFailsClosesCleanlyAndReopensWithWhatItAcknowledged() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("tiny"));
    String mounted = run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", dir.toString());
    assumeTrue(mounted.isEmpty(), "no tmpfs can be mounted here: " + mounted);
    mount = dir;

    BlazeStore store = BlazeStore.open(dir);
    String pad = "x".repeat(2000);
    long acknowledged = 0;
    StoreException failure = null;
    for (int batch = 0; batch < 1000 && failure == null; batch++) {
      List<BlazeRecord> records = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        records.add(
            BlazeRecord.builder()
                .put("title", BlazeValue.string("r" + batch + "-" + i))
                .put("description", BlazeValue.string(pad))
                .build());
      }
      try {
        store.insertMany("bugs", records);
        acknowledged += records.size();
      } catch (StoreException e) {
        failure = e;
      }
    }

    assertThat(failure).isNotNull().hasMessageStartingWith("commit failed: ");
    assertThat(store.hasFailed()).isTrue();
    store.close(); // threw the full disk's error again before
    assertThat(acknowledged).isPositive();
    assertThat(countAfterRemount(dir)).isEqualTo(acknowledged);
  }

  /** Grows the tmpfs, reopens the store there and counts its records. */
  private static long countAfterRemount(Path dir) throws Exception {
    String grown = run("mount", "-o", "remount,size=20m", dir.toString());
    assertThat(grown).isEmpty();
    try (BlazeStore reopened = BlazeStore.open(dir)) {
      return reopened.count("bugs");
    }
  }

  /** Runs a command; what it printed when it failed, "" when it succeeded. */
  private static String run(String... command) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return e.getMessage();
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return "timed out";
    }
    return process.exitValue() == 0 ? "" : "exit " + process.exitValue() + ": " + output.trim();
  }
}

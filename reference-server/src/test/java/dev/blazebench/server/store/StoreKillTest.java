package dev.blazebench.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing process with SIGKILL ({@link Process#destroyForcibly()} on Unix) and checks that
 * every write it had acknowledged is in the store, that no batch is half there, and that the change
 * log holds exactly the writes that are there.
 */
class StoreKillTest {

  @TempDir Path dir;

  @Test
  void everyAcknowledgedWriteSurvivesKillDashNine() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                StoreWriterProcess.class.getName(),
                dir.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    Set<UUID> acked = new HashSet<>();
    List<List<UUID>> batches = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(lines.readLine()).isEqualTo("ready");
      while (acked.size() < 500) {
        String line = lines.readLine();
        assertThat(line).as("child output").isNotNull();
        String[] words = line.split(" ");
        List<UUID> ids = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
          ids.add(UUID.fromString(words[i]));
        }
        acked.addAll(ids);
        if (words[0].equals("batch")) {
          batches.add(ids);
        }
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no final commit
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }

    try (BlazeStore store = BlazeStore.open(dir)) {
      Set<UUID> stored = new HashSet<>();
      store.scan("bugs").forEachRemaining(r -> stored.add(idOf(r)));
      assertThat(stored).containsAll(acked);
      // Writes in flight when the process died may or may not be there, but never half a batch.
      Map<Long, Integer> perBatchNumber = new HashMap<>();
      store
          .scan("bugs")
          .forEachRemaining(
              r -> {
                long n = ((BlazeValue.IntValue) r.get("n")).value();
                if (n % 10 == 9) {
                  perBatchNumber.merge(n, 1, Integer::sum);
                }
              });
      assertThat(perBatchNumber.values()).allMatch(count -> count == 5);
      assertThat(batches).isNotEmpty();

      // The change log committed with the data: one insert per stored record, sequences 1..n.
      ChangesPage log = (ChangesPage) store.readChanges("bugs", 0, Integer.MAX_VALUE);
      List<UUID> logged = new ArrayList<>();
      for (int i = 0; i < log.events().size(); i++) {
        assertThat(log.events().get(i).sequence()).isEqualTo(i + 1);
        logged.add(log.events().get(i).operation().recordId());
      }
      assertThat(logged).containsExactlyInAnyOrderElementsOf(stored);
      assertThat(log.lastSequence()).isEqualTo(stored.size());
    }
  }

  private static UUID idOf(BlazeRecord record) {
    return ((BlazeValue.UuidValue) record.get("id")).value();
  }
}

package dev.blazebench.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.binary.BlazeRecord;
import java.nio.file.Path;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashRecoveryTest {

  @TempDir Path dir;

  @Test
  void aMissingFileOrACleanlyClosedStoreNeedsNoRecovery() {
    Path file = dir.resolve(BlazeStore.DATA_FILE_NAME);
    assertThat(CrashRecovery.recoverIfNotClosedCleanly(file)).isFalse();
    try (BlazeStore store = BlazeStore.open(dir)) {
      store.insert("bugs", BlazeRecord.empty());
    }
    assertThat(CrashRecovery.recoverIfNotClosedCleanly(file)).isFalse();
  }

  @Test
  void aStoreLeftWithoutCloseIsRecoveredWithItsLastCommitAndMarkedClean() {
    Path file = dir.resolve("crashed.mv.db");
    MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
    MVMap<Integer, String> map = store.openMap("m");
    for (int i = 0; i < 50; i++) {
      map.put(i, "value " + i);
      store.commit();
    }
    store.closeImmediately(); // like kill -9: no clean-shutdown mark in the header

    assertThat(CrashRecovery.recoverIfNotClosedCleanly(file)).isTrue();
    assertThat(CrashRecovery.recoverIfNotClosedCleanly(file)).isFalse();
    MVStore reopened = new MVStore.Builder().fileName(file.toString()).readOnly().open();
    try {
      MVMap<Integer, String> recovered = reopened.openMap("m");
      assertThat(recovered).hasSize(50).containsEntry(49, "value 49");
    } finally {
      reopened.closeImmediately();
    }
  }
}

package dev.blazebench.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.protocol.query.Query;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One running server for a whole test class, with a few workload bugs in {@link #COLLECTION}: for
 * the tests that send hostile bytes and then require the store to hold exactly what it held.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SeededServerTest {

  static final String COLLECTION = "bugs";
  static final int SEEDED = 10;

  ContractServers servers;
  private List<BlazeRecord> storedBefore;

  @BeforeAll
  void startSeededServer(@TempDir Path dataDir) {
    servers = ContractServers.start(dataDir, AbstractApiContractTest.MAX_MESSAGE_BYTES);
    servers.seedBugs(COLLECTION, SEEDED);
    storedBefore = servers.database().query(COLLECTION, Query.all());
  }

  @AfterAll
  void stopSeededServer() {
    servers.close();
  }

  /** The collection holds exactly what it held after seeding. */
  void assertStoreUnchanged() {
    assertThat(servers.database().query(COLLECTION, Query.all())).isEqualTo(storedBefore);
  }
}

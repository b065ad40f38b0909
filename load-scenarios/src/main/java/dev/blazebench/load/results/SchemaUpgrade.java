package dev.blazebench.load.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads older {@code results.json} versions as the current one, every figure they lack marked
 * unknown, so that old runs stay readable and mergeable.
 *
 * <p>Version 2 added, per operation, {@code recordsReceived} and {@code recordsPerSec}, and per
 * driver's injector {@code heapPeakUsedBytes}, {@code heapPeakAfterGcBytes} and {@code
 * heapMaxBytes}. Version 3 added, per scenario, {@code realtime} (null but for realtime runs).
 */
final class SchemaUpgrade {

  private SchemaUpgrade() {}

  /** Turns a version 2 document into version 3, in place. */
  static void fromVersion2(ObjectNode document) {
    document.put("schemaVersion", 3);
    for (JsonNode scenario : document.path("results")) {
      if (scenario instanceof ObjectNode result) {
        result.putNull("realtime");
      }
    }
  }

  /** Turns a version 1 document into version 2, in place. */
  static void fromVersion1(ObjectNode document) {
    document.put("schemaVersion", 2);
    for (JsonNode driver : document.path("drivers")) {
      if (driver.path("injector") instanceof ObjectNode injector) {
        injector.put("heapPeakUsedBytes", -1L);
        injector.put("heapPeakAfterGcBytes", -1L);
        injector.put("heapMaxBytes", -1L);
      }
    }
    for (JsonNode scenario : document.path("results")) {
      for (JsonNode operation : scenario.path("operations")) {
        if (operation instanceof ObjectNode op) {
          op.put("recordsReceived", -1L);
          op.putNull("recordsPerSec");
        }
      }
    }
  }
}

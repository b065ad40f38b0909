package dev.blazebench.load.results;

import java.util.List;

/**
 * {@code results.json} of a load run: the versioned document reports, the gate and {@code merge}
 * read. The schema is documented in {@code load-scenarios/RESULTS.md}; any change that removes or
 * changes the meaning of a field raises {@link #SCHEMA_VERSION}.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param kind {@link #KIND}
 * @param run how the run was asked to go
 * @param injectorVerdict "ok", or "injector saturated" if any driver was
 * @param drivers one per driver (several after a merge)
 * @param results per API and scenario
 */
public record LoadResults(
    int schemaVersion,
    String kind,
    RunSettings run,
    String injectorVerdict,
    List<DriverInfo> drivers,
    List<ScenarioResult> results) {

  /** The schema version this code writes and reads. */
  public static final int SCHEMA_VERSION = 4;

  /** What the document is, for a reader handed some JSON file. */
  public static final String KIND = "blazebench-load-results";
}

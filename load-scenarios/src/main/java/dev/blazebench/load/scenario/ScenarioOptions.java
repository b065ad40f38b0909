package dev.blazebench.load.scenario;

/**
 * What the scenarios let a run choose, resolved before anything connects. A value a scenario does
 * not use is an error naming the flag, so that a mistyped run is not silently a different one.
 *
 * @param collection the collection to use; null for the scenario's default ({@value
 *     #DEFAULT_COLLECTION}; {@code stream-1m}: {@value Stream1m#DEFAULT_COLLECTION})
 * @param mix {@code crud-mix}'s operation ratios; null for its default
 * @param records {@code stream-1m}'s records per stream; 0 for its default (1,000,000)
 * @param batchSize {@code stream-1m}'s records per batch; 0 for the server's default
 */
public record ScenarioOptions(String collection, CrudMix.Ratios mix, long records, int batchSize) {

  /** The collection scenarios use unless told otherwise: the Protobuf baseline serves it. */
  public static final String DEFAULT_COLLECTION = "bugs";

  /** Every default. */
  public static final ScenarioOptions DEFAULTS = new ScenarioOptions(null, null, 0, 0);

  public ScenarioOptions {
    if (collection != null && collection.isBlank()) {
      throw new IllegalArgumentException("--collection must not be blank");
    }
    if (records < 0) {
      throw new IllegalArgumentException("--records must be positive, was " + records);
    }
    if (records > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "--records must be at most " + Integer.MAX_VALUE + ", was " + records);
    }
    if (batchSize < 0) {
      throw new IllegalArgumentException("--batch-size must be positive, was " + batchSize);
    }
  }

  /** The collection, or {@code fallback} if none was given. */
  public String collectionOr(String fallback) {
    return collection == null ? fallback : collection;
  }

  /** Checks that every option given applies to {@code scenario}. */
  public void checkAppliesTo(String scenario) {
    if (mix != null && !scenario.equals(CrudMix.NAME)) {
      throw new IllegalArgumentException("--mix applies to " + CrudMix.NAME + " only");
    }
    if (records != 0 && !scenario.equals(Stream1m.NAME)) {
      throw new IllegalArgumentException("--records applies to " + Stream1m.NAME + " only");
    }
    if (batchSize != 0 && !scenario.equals(Stream1m.NAME)) {
      throw new IllegalArgumentException("--batch-size applies to " + Stream1m.NAME + " only");
    }
  }
}

package dev.blazebench.server.store;

/**
 * The answer of {@link BlazeStore#readChanges}: either the changes asked for ({@link ChangesPage})
 * or the news that they are no longer all in the log, so the reader must start over from a full
 * read of the collection ({@link ResyncNeeded}). Never a silent gap.
 *
 * <pre>{@code
 * ChangesResult result = store.readChanges("bugs", since, 1000);
 * if (result instanceof ChangesPage page) {
 *   send(page.events(), page.nextAfterSequence(), page.hasMore());
 * } else if (result instanceof ResyncNeeded resync) {
 *   sendResync(resync.describe(), resync.lastSequence());   // e.g. HTTP 410 Gone
 * }
 * }</pre>
 */
public sealed interface ChangesResult permits ChangesPage, ResyncNeeded {

  /** The collection's newest sequence when the log was read (0 when it has had no change). */
  long lastSequence();
}

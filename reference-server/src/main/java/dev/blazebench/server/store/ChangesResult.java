package dev.blazebench.server.store;

/**
 * The answer of {@link BlazeStore#readChanges}: either the changes asked for ({@link ChangesPage})
 * or the news that they are no longer all in the log, so the reader must start over from a full
 * read of the collection ({@link ResyncNeeded}). Never a silent gap.
 *
 * <pre>{@code
 * switch (store.readChanges("bugs", since, 1000)) {
 *   case ChangesPage page -> send(page.events(), page.nextAfterSequence(), page.hasMore());
 *   case ResyncNeeded resync -> sendResync(resync.oldestAvailableSequence(), resync.lastSequence());
 * }
 * }</pre>
 */
public sealed interface ChangesResult permits ChangesPage, ResyncNeeded {

  /** The collection's newest sequence when the log was read (0 when it has had no change). */
  long lastSequence();
}

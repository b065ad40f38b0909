package dev.blazebench.server.store;

import java.util.List;

/**
 * Told of every committed change, once the commit is durable; the hook a change feed attaches to
 * ({@link BlazeStore#addChangeListener}).
 *
 * <p>Both methods run on the store's committer thread, which writes nothing else meanwhile: they
 * must return quickly and never block (hand the events to queues, not to sockets). An exception
 * they throw is logged and otherwise ignored.
 */
public interface ChangeListener {

  /**
   * The changes of one commit, in commit order (per collection: ascending sequence with no gap,
   * continuing the previous call). Called after the commit is in the file, before the writers are
   * answered, so a write that has returned has been announced.
   */
  void onCommitted(List<ChangeEvent> events);

  /** The store is closing: no more changes will come. Called once, after the last commit. */
  default void onStoreClosed() {}
}

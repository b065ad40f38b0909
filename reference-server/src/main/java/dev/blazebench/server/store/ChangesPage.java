package dev.blazebench.server.store;

import java.util.List;
import java.util.Objects;

/**
 * Changes read from the log: the events right after {@code afterSequence}, consecutive and in order
 * ({@code afterSequence + 1}, {@code + 2}, ...), possibly fewer than all there are.
 *
 * @param afterSequence the sequence the read started after
 * @param events the changes, in sequence order, with no gap; empty when nothing is newer
 * @param lastSequence the collection's newest sequence when the log was read
 */
public record ChangesPage(long afterSequence, List<ChangeEvent> events, long lastSequence)
    implements ChangesResult {

  public ChangesPage {
    events = List.copyOf(Objects.requireNonNull(events, "events"));
  }

  /** The sequence to ask after next time: the last event's, or {@code afterSequence} if none. */
  public long nextAfterSequence() {
    return events.isEmpty() ? afterSequence : events.get(events.size() - 1).sequence();
  }

  /** Whether the log held more than this page when it was read. */
  public boolean hasMore() {
    return nextAfterSequence() < lastSequence;
  }
}

package dev.blazebench.server.store;

import java.util.Objects;

/**
 * The changes after {@code requestedAfterSequence} cannot be given: the log no longer holds them
 * all (retention trimmed them), or the sequence is newer than anything this log has written (the
 * reader saw another server's log, or one since replaced). The reader must read the collection in
 * full again and then follow the log from {@code lastSequence}, which it can do with no gap: a full
 * read started after this answer sees every change up to at least {@code lastSequence}.
 *
 * @param requestedAfterSequence the sequence the reader asked to continue after
 * @param oldestAvailableSequence the oldest sequence the log still holds ({@code lastSequence + 1}
 *     when it holds none)
 * @param lastSequence the collection's newest sequence when the log was read
 * @param reason why the changes cannot be given
 */
public record ResyncNeeded(
    long requestedAfterSequence, long oldestAvailableSequence, long lastSequence, Reason reason)
    implements ChangesResult {

  /** Why a resync is needed. */
  public enum Reason {
    /** Retention removed operations the reader has not seen. */
    EXPIRED,
    /** The reader asked after a sequence this log has not reached. */
    AHEAD_OF_LOG
  }

  public ResyncNeeded {
    Objects.requireNonNull(reason, "reason");
  }

  /** A sentence for error messages and status details. */
  public String describe() {
    return switch (reason) {
      case EXPIRED ->
          "changes after sequence "
              + requestedAfterSequence
              + " are no longer kept (oldest kept: "
              + oldestAvailableSequence
              + ", last: "
              + lastSequence
              + "); read the collection again and follow from "
              + lastSequence;
      case AHEAD_OF_LOG ->
          "sequence "
              + requestedAfterSequence
              + " is newer than this log's last ("
              + lastSequence
              + "); read the collection again and follow from "
              + lastSequence;
    };
  }
}

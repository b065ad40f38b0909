package dev.blazebench.server.feed;

import dev.blazebench.server.store.ResyncNeeded;
import java.util.Objects;

/**
 * Why a subscription ended, and what the subscriber does next. In every case {@link
 * #lastDeliveredSequence()} is the last sequence handed to {@link ChangeSubscriber#onChanges}; when
 * {@link #canResume()}, subscribing again after it continues with no loss and no duplicate.
 */
public sealed interface SubscriptionEnd {

  /** The last sequence delivered (the {@code afterSequence} subscribed with when none was). */
  long lastDeliveredSequence();

  /** Whether a new subscription after {@link #lastDeliveredSequence()} can continue the stream. */
  boolean canResume();

  /** One sentence for logs and status messages. */
  String message();

  /**
   * The subscriber did not take its changes fast enough: its queue passed the feed's bound ({@link
   * FeedOptions#maxQueuedEvents()} or {@link FeedOptions#maxQueuedBytes()}), and was dropped so
   * that server memory stays bounded. Resume after {@code lastDeliveredSequence}.
   */
  record SubscriberTooSlow(long lastDeliveredSequence, int queuedEvents, long queuedBytes)
      implements SubscriptionEnd {
    @Override
    public boolean canResume() {
      return true;
    }

    @Override
    public String message() {
      return "subscriber too slow: "
          + queuedEvents
          + " changes ("
          + queuedBytes
          + " bytes) were waiting; resume after sequence "
          + lastDeliveredSequence;
    }
  }

  /**
   * The changes the subscriber needs next are no longer in the log (or it asked after a sequence
   * the log never reached): it must read the collection again; {@link ResyncNeeded} says from where
   * to follow after that.
   */
  record ResyncRequired(long lastDeliveredSequence, ResyncNeeded resync)
      implements SubscriptionEnd {
    public ResyncRequired {
      Objects.requireNonNull(resync, "resync");
    }

    @Override
    public boolean canResume() {
      return false;
    }

    @Override
    public String message() {
      return "resync needed: " + resync.describe();
    }
  }

  /** The feed or its store closed (a server shutdown). Resume after it, on the next server. */
  record FeedClosed(long lastDeliveredSequence) implements SubscriptionEnd {
    @Override
    public boolean canResume() {
      return true;
    }

    @Override
    public String message() {
      return "the change feed closed; resume after sequence " + lastDeliveredSequence;
    }
  }

  /**
   * Delivery failed: the subscriber threw from {@link ChangeSubscriber#onChanges} (that batch
   * counts as not delivered), or reading the log failed.
   */
  record Failed(long lastDeliveredSequence, Throwable cause) implements SubscriptionEnd {
    public Failed {
      Objects.requireNonNull(cause, "cause");
    }

    @Override
    public boolean canResume() {
      return true;
    }

    @Override
    public String message() {
      return "delivery failed (" + cause + "); resume after sequence " + lastDeliveredSequence;
    }
  }
}

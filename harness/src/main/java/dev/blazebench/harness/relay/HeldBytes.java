package dev.blazebench.harness.relay;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes a relay holds across all its connections (read, not yet taken by the other side's
 * socket), and the most it has held at once: what its bounded buffers promise, made observable.
 */
final class HeldBytes {

  private final AtomicLong currentBytes = new AtomicLong();
  private final AtomicLong peakBytes = new AtomicLong();

  void add(long bytes) {
    long now = currentBytes.addAndGet(bytes);
    if (bytes > 0) {
      peakBytes.accumulateAndGet(now, Math::max);
    }
  }

  long currentBytes() {
    return currentBytes.get();
  }

  long peakBytes() {
    return peakBytes.get();
  }
}

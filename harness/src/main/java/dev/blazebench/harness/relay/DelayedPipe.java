package dev.blazebench.harness.relay;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.DuplexChannel;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * One direction of a relayed connection: what {@code source} sends is written to {@code
 * destination} a fixed delay after it was read, in the order it was read, and so is the end of the
 * stream. Every method runs on the connection's event loop (both channels share it), so the state
 * needs no locks.
 *
 * <p>IMPLEMENTATION NOTES. Each chunk waits in one FIFO queue with its due time; one scheduled
 * drain at a time writes what is due and schedules itself for the next head. Order therefore never
 * depends on how the event loop orders timers. The bytes this direction holds (queued, plus written
 * to the destination but not yet taken by its socket) are bounded: above {@code boundBytes} the
 * source is no longer read, so TCP's own flow control pushes back on the sender, and reading
 * resumes once half the bound has drained and the destination is writable.
 */
final class DelayedPipe {

  /** How a source's stream ended: its output shut (FIN, more may come the other way) or closed. */
  enum End {
    HALF_CLOSE,
    CLOSE
  }

  /** A chunk, or the end of the stream when {@code data} is null. */
  private record Pending(long dueNanos, ByteBuf data, End end) {}

  private final Channel source;
  private final Channel destination;
  private final long delayNanos;
  private final long boundBytes;
  private final HeldBytes held;
  private final Runnable onHalfCloseDelivered;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private long queuedBytes;
  private long unwrittenBytes;
  private boolean drainScheduled;
  private End endQueued;
  private boolean destinationClosed;

  /**
   * @param onHalfCloseDelivered run once the destination's output is shut after the source's FIN
   */
  DelayedPipe(
      Channel source,
      Channel destination,
      long delayNanos,
      long boundBytes,
      HeldBytes held,
      Runnable onHalfCloseDelivered) {
    this.source = source;
    this.destination = destination;
    this.delayNanos = delayNanos;
    this.boundBytes = boundBytes;
    this.held = held;
    this.onHalfCloseDelivered = onHalfCloseDelivered;
  }

  /** A chunk read from the source: it goes out after the delay. Takes ownership of {@code data}. */
  void acceptRead(ByteBuf data) {
    if (destinationClosed || endQueued != null || !destination.isActive()) {
      data.release();
      return;
    }
    int bytes = data.readableBytes();
    queuedBytes += bytes;
    held.add(bytes);
    queue.add(new Pending(System.nanoTime() + delayNanos, data, null));
    if (queuedBytes + unwrittenBytes > boundBytes) {
      source.config().setAutoRead(false);
    }
    drainWhenDue();
  }

  /**
   * The source's stream ended: after the delay, and after every byte read before it, the
   * destination's output is shut ({@link End#HALF_CLOSE}) or the destination is closed ({@link
   * End#CLOSE}). A close may follow a half-close; anything after a close is ignored.
   */
  void acceptEnd(End end) {
    if (destinationClosed || endQueued == End.CLOSE || endQueued == end) {
      return;
    }
    endQueued = end;
    queue.add(new Pending(System.nanoTime() + delayNanos, null, end));
    drainWhenDue();
  }

  /** The destination is gone: nothing more can be delivered, so what waits is dropped. */
  void destinationClosed() {
    destinationClosed = true;
    for (Pending pending = queue.poll(); pending != null; pending = queue.poll()) {
      if (pending.data() != null) {
        held.add(-pending.data().readableBytes());
        pending.data().release();
      }
    }
    queuedBytes = 0;
  }

  /** Reads the source again if it was paused and enough has drained; on writability changes too. */
  void resumeSourceIfDrained() {
    if (!destinationClosed
        && !source.config().isAutoRead()
        && source.isActive()
        && queuedBytes + unwrittenBytes <= boundBytes / 2
        && destination.isWritable()) {
      source.config().setAutoRead(true);
    }
  }

  private void drainWhenDue() {
    if (drainScheduled || queue.isEmpty()) {
      return;
    }
    long waitNanos = queue.peek().dueNanos() - System.nanoTime();
    if (waitNanos <= 0) {
      drain();
    } else {
      drainScheduled = true;
      destination.eventLoop().schedule(this::drainScheduled, waitNanos, TimeUnit.NANOSECONDS);
    }
  }

  private void drainScheduled() {
    drainScheduled = false;
    drain();
  }

  private void drain() {
    long now = System.nanoTime();
    boolean wrote = false;
    while (!queue.isEmpty() && queue.peek().dueNanos() - now <= 0) {
      Pending pending = queue.poll();
      if (pending.data() == null) {
        deliverEnd(pending.end()); // flushes what the loop wrote before it
        continue; // a close may follow a half-close
      }
      int bytes = pending.data().readableBytes();
      queuedBytes -= bytes;
      unwrittenBytes += bytes;
      destination.write(pending.data()).addListener(future -> taken(bytes));
      wrote = true;
    }
    if (wrote) {
      destination.flush();
    }
    drainWhenDue();
  }

  /** The destination's socket took {@code bytes} (or failed them): they are no longer held. */
  private void taken(int bytes) {
    unwrittenBytes -= bytes;
    held.add(-bytes);
    resumeSourceIfDrained();
  }

  /** Runs once every byte written before it has gone to the socket (or failed), as FIFO writes. */
  private void deliverEnd(End end) {
    ChannelFuture flushed = destination.writeAndFlush(Unpooled.EMPTY_BUFFER);
    if (end == End.CLOSE) {
      flushed.addListener(ChannelFutureListener.CLOSE);
    } else {
      flushed.addListener(
          future ->
              ((DuplexChannel) destination)
                  .shutdownOutput()
                  .addListener(shut -> onHalfCloseDelivered.run()));
    }
  }
}

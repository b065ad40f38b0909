package dev.blazebench.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.binary.BlazeOperation;
import dev.blazebench.binary.BlazeSequences;
import dev.blazebench.protocol.grpc.SyncAck;
import dev.blazebench.protocol.grpc.SyncMessage;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * One client's side of a Sync call in the tests: sends messages and records what the server sends
 * back, acks and changes apart, each change with its sequence, and how the call ended. A gate, when
 * given, holds the first change batch until it is opened: a client that stops reading.
 */
final class SyncRecorder implements ClientResponseObserver<SyncMessage, SyncMessage> {

  static final Duration WAIT = Duration.ofSeconds(20);

  /** One change as received: its sequence and the decoded operation. */
  record Received(long sequence, BlazeOperation operation) {}

  private final CountDownLatch gate;
  private final List<SyncAck> acks = new ArrayList<>();
  private final List<Received> changes = new ArrayList<>();
  private ClientCallStreamObserver<SyncMessage> requests;
  private boolean ended;
  private Throwable error;

  SyncRecorder() {
    this(null);
  }

  SyncRecorder(CountDownLatch gate) {
    this.gate = gate;
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<SyncMessage> requestStream) {
    this.requests = requestStream;
  }

  /** Sends one message on the call. */
  void send(SyncMessage message) {
    requests.onNext(message);
  }

  /** Half-closes the call: the client has nothing more to push. */
  void halfClose() {
    requests.onCompleted();
  }

  @Override
  public void onNext(SyncMessage message) {
    if (!message.hasAck() && gate != null) {
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      if (message.hasAck()) {
        acks.add(message.getAck());
      } else {
        List<BlazeOperation> ops =
            BlazeSequences.decodeOperations(message.getOperations().toByteArray());
        assertThat(message.getLastSequence() - message.getFirstSequence() + 1)
            .isEqualTo(ops.size());
        assertThat(message.getCommitTimeMicrosCount()).isEqualTo(ops.size());
        for (int i = 0; i < ops.size(); i++) {
          changes.add(new Received(message.getFirstSequence() + i, ops.get(i)));
        }
      }
      notifyAll();
    }
  }

  @Override
  public synchronized void onError(Throwable t) {
    ended = true;
    error = t;
    notifyAll();
  }

  @Override
  public synchronized void onCompleted() {
    ended = true;
    notifyAll();
  }

  synchronized List<SyncAck> awaitAcks(int count) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (acks.size() < count && !ended) {
      waitUntil(deadline, "acks: " + acks.size() + " of " + count);
    }
    assertThat(acks).as("acks (call ended: %s)", error).hasSizeGreaterThanOrEqualTo(count);
    return List.copyOf(acks);
  }

  synchronized List<Received> awaitChanges(int count) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (changes.size() < count && !ended) {
      waitUntil(deadline, "changes: " + changes.size() + " of " + count);
    }
    assertThat(changes).as("changes (call ended: %s)", error).hasSizeGreaterThanOrEqualTo(count);
    return List.copyOf(changes);
  }

  /** Waits for the end; null when the call completed OK. */
  synchronized Throwable awaitEnd() throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!ended) {
      waitUntil(deadline, "the call's end");
    }
    return error;
  }

  /** The status the call ended with (OK when it completed). */
  Status awaitStatus() throws InterruptedException {
    Throwable end = awaitEnd();
    return end == null ? Status.OK : Status.fromThrowable(end);
  }

  synchronized List<Received> changes() {
    return List.copyOf(changes);
  }

  synchronized List<SyncAck> acks() {
    return List.copyOf(acks);
  }

  private void waitUntil(long deadline, String what) throws InterruptedException {
    long left = deadline - System.nanoTime();
    assertThat(left).as("timed out waiting for %s", what).isPositive();
    wait(Math.max(1, left / 1_000_000));
  }
}

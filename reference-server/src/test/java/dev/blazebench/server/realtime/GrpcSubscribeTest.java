package dev.blazebench.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.OperationType;
import dev.blazebench.protocol.UuidBytes;
import dev.blazebench.protocol.bugs.BugChange;
import dev.blazebench.protocol.bugs.BugChanges;
import dev.blazebench.protocol.bugs.BugServiceGrpc;
import dev.blazebench.protocol.bugs.BugSubscribeRequest;
import dev.blazebench.protocol.client.BlazeClientException;
import dev.blazebench.protocol.client.BlazeGrpcClient;
import dev.blazebench.protocol.client.BlazeNativeClient;
import dev.blazebench.protocol.client.Change;
import dev.blazebench.protocol.client.ChangeSubscription;
import dev.blazebench.protocol.workload.BugWorkload;
import dev.blazebench.server.ReferenceServer;
import dev.blazebench.server.ServerApi;
import dev.blazebench.server.ServerOptions;
import dev.blazebench.server.store.StoreOptions;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscribe on the three gRPC APIs of a real server: the same changes with the same sequences and
 * commit times on each, resume after a disconnect and after a restart with no loss and no
 * duplicate, the documented answer for an expired sequence, a slow subscriber ended at the bound
 * without holding up a healthy one, and nothing left behind by a cancelled one.
 */
class GrpcSubscribeTest {

  private static final String BUGS = "bugs";

  @TempDir Path dataDir;

  static ServerOptions options(Path dataDir) {
    return ServerOptions.defaults()
        .withApis(EnumSet.of(ServerApi.BLAZE, ServerApi.PROTO, ServerApi.REST))
        .withGrpcPort(0)
        .withHttpPort(0)
        .withDataDir(dataDir)
        .withSeedRecords(0)
        .withShutdownGrace(Duration.ofSeconds(1));
  }

  @Test
  void everyGrpcApiDeliversTheSameChanges() throws Exception {
    try (ReferenceServer server = ReferenceServer.start(options(dataDir));
        BlazeGrpcClient wrapped = BlazeGrpcClient.forTarget(target(server));
        BlazeNativeClient nativeClient = BlazeNativeClient.forTarget(target(server))) {
      RecordingListener viaWrapped = new RecordingListener();
      RecordingListener viaNative = new RecordingListener();
      ManagedChannel channel = channel(server);
      ProtoRecorder viaProto = new ProtoRecorder();
      try (ChangeSubscription a = wrapped.subscribe(BUGS, 0, viaWrapped);
          ChangeSubscription b = nativeClient.subscribe(BUGS, 0, viaNative)) {
        BugServiceGrpc.newStub(channel)
            .subscribe(BugSubscribeRequest.newBuilder().setFromSequence(0).build(), viaProto);

        List<UUID> ids = wrapped.insertMany(BUGS, BugWorkload.bugs(1, 0, 3));
        wrapped.update(
            BUGS, ids.get(1), BlazeRecord.builder().put("priority", BlazeValue.integer(5)).build());
        nativeClient.delete(BUGS, ids.get(2));

        List<Change> wrappedChanges = viaWrapped.awaitChanges(5);
        List<Change> nativeChanges = viaNative.awaitChanges(5);
        List<BugChange> protoChanges = viaProto.awaitChanges(5);

        assertThat(wrappedChanges).extracting(Change::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(wrappedChanges)
            .extracting(c -> c.operation().type())
            .containsExactly(
                OperationType.INSERT,
                OperationType.INSERT,
                OperationType.INSERT,
                OperationType.UPDATE,
                OperationType.DELETE);
        assertThat(wrappedChanges)
            .extracting(c -> c.operation().recordId())
            .containsExactly(ids.get(0), ids.get(1), ids.get(2), ids.get(1), ids.get(2));
        assertThat(nativeChanges).isEqualTo(wrappedChanges);
        assertThat(protoChanges)
            .extracting(BugChange::getSequence, BugChange::getCommitTimeMicros)
            .containsExactlyElementsOf(
                wrappedChanges.stream()
                    .map(
                        c ->
                            org.assertj.core.groups.Tuple.tuple(c.sequence(), c.commitTimeMicros()))
                    .toList());
        assertThat(protoChanges)
            .extracting(BugChange::getType)
            .containsExactly(
                BugChange.Type.TYPE_INSERT,
                BugChange.Type.TYPE_INSERT,
                BugChange.Type.TYPE_INSERT,
                BugChange.Type.TYPE_UPDATE,
                BugChange.Type.TYPE_DELETE);
        assertThat(UuidBytes.fromByteString(protoChanges.get(3).getId())).isEqualTo(ids.get(1));
        assertThat(protoChanges.get(3).getPatch().getPriority()).isEqualTo(5);
        assertThat(protoChanges.get(0).getBug().getTitle())
            .isEqualTo(
                ((BlazeValue.StringValue) wrappedChanges.get(0).operation().changes().get("title"))
                    .value());
        a.cancel();
        b.cancel();
      } finally {
        channel.shutdownNow();
      }
    }
  }

  @Test
  void resumesAfterADisconnectWithNoLossAndNoDuplicate() throws Exception {
    try (ReferenceServer server = ReferenceServer.start(options(dataDir));
        BlazeNativeClient client = BlazeNativeClient.forTarget(target(server))) {
      RecordingListener first = new RecordingListener();
      ChangeSubscription subscription = client.subscribe(BUGS, 0, first);
      client.insertMany(BUGS, BugWorkload.bugs(1, 0, 4));
      List<Change> before = first.awaitChanges(4);
      subscription.cancel();
      assertThat(first.awaitEnd().kind()).isEqualTo(BlazeClientException.Kind.CANCELLED);

      client.insertMany(BUGS, BugWorkload.bugs(1, 4, 3));
      long last = before.get(before.size() - 1).sequence();
      RecordingListener second = new RecordingListener();
      try (ChangeSubscription resumed = client.subscribe(BUGS, last, second)) {
        client.insertMany(BUGS, BugWorkload.bugs(1, 7, 2));
        assertThat(resumed).isNotNull();
        assertThat(second.awaitChanges(5))
            .extracting(Change::sequence)
            .containsExactly(5L, 6L, 7L, 8L, 9L);
      }
    }
  }

  @Test
  void resumesAcrossAServerRestart() throws Exception {
    long last;
    ReferenceServer first = ReferenceServer.start(options(dataDir));
    try (BlazeGrpcClient client = BlazeGrpcClient.forTarget(target(first))) {
      RecordingListener listener = new RecordingListener();
      client.subscribe(BUGS, 0, listener);
      client.insertMany(BUGS, BugWorkload.bugs(2, 0, 3));
      last = listener.awaitChanges(3).get(2).sequence();
      first.close();
      BlazeClientException end = listener.awaitEnd();
      assertThat(end.kind())
          .isIn(BlazeClientException.Kind.UNAVAILABLE, BlazeClientException.Kind.CANCELLED);
    } finally {
      first.close();
    }
    try (ReferenceServer server = ReferenceServer.start(options(dataDir));
        BlazeGrpcClient client = BlazeGrpcClient.forTarget(target(server))) {
      client.insertMany(BUGS, BugWorkload.bugs(2, 3, 2));
      RecordingListener listener = new RecordingListener();
      try (ChangeSubscription resumed = client.subscribe(BUGS, last, listener)) {
        assertThat(resumed).isNotNull();
        assertThat(listener.awaitChanges(2)).extracting(Change::sequence).containsExactly(4L, 5L);
        client.insertMany(BUGS, BugWorkload.bugs(2, 5, 1));
        assertThat(listener.awaitChanges(3))
            .extracting(Change::sequence)
            .containsExactly(4L, 5L, 6L);
      }
    }
  }

  @Test
  void anExpiredSequenceAsksForAResync() throws Exception {
    ServerOptions keepFive =
        options(dataDir)
            .withStore(StoreOptions.defaults().withChangeLogRetention(5, Duration.ofHours(1)));
    try (ReferenceServer server = ReferenceServer.start(keepFive);
        BlazeGrpcClient client = BlazeGrpcClient.forTarget(target(server))) {
      client.insertMany(BUGS, BugWorkload.bugs(3, 0, 10));
      RecordingListener listener = new RecordingListener();
      client.subscribe(BUGS, 2, listener);
      BlazeClientException end = listener.awaitEnd();
      assertThat(end.status().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
      assertThat(end.status().getDescription()).startsWith("resync needed: ");
      Metadata trailers = Status.trailersFromThrowable(end.getCause());
      assertThat(
              trailers.get(
                  Metadata.Key.of("blazedb-last-sequence", Metadata.ASCII_STRING_MARSHALLER)))
          .isEqualTo("10");
      assertThat(listener.changes()).isEmpty();
    }
  }

  @Test
  void aSubscriberThatStopsReadingIsEndedWithoutDelayingAHealthyOne() throws Exception {
    int total = 20_000; // well past the feed's default bound of 10,000 queued changes
    try (ReferenceServer server = ReferenceServer.start(options(dataDir));
        BlazeGrpcClient client = BlazeGrpcClient.forTarget(target(server))) {
      CountDownLatch gate = new CountDownLatch(1);
      RecordingListener stuck = new RecordingListener(gate);
      RecordingListener healthy = new RecordingListener();
      client.subscribe(BUGS, 0, stuck);
      client.subscribe(BUGS, 0, healthy);
      var feed = server.database().changeFeed();
      long maxQueued = 0;
      for (int from = 0; from < total; from += 1000) {
        client.insertMany(BUGS, BugWorkload.bugs(4, from, 1000));
        maxQueued = Math.max(maxQueued, feed.queuedEvents());
      }
      assertThat(healthy.awaitChanges(total))
          .extracting(Change::sequence)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
      // Ending the stuck one frees its queue: only the healthy one is left in the feed.
      awaitSubscribers(server, 1);
      assertThat(maxQueued).isLessThanOrEqualTo(2L * 10_000);
      assertThat(feed.queuedEvents()).isZero();

      gate.countDown();
      BlazeClientException end = stuck.awaitEnd();
      assertThat(end.status().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
      assertThat(end.status().getDescription()).contains("subscriber too slow");
      String resumeAfter =
          Status.trailersFromThrowable(end.getCause())
              .get(Metadata.Key.of("blazedb-resume-after", Metadata.ASCII_STRING_MARSHALLER));
      List<Long> got = stuck.sequences();
      assertThat(got)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, got.size()).boxed().toList());
      assertThat(Long.parseLong(resumeAfter)).isEqualTo(got.get(got.size() - 1));
      assertThat(got.size()).isLessThan(total);
    }
  }

  @Test
  void aCancelledSubscriberLeavesNothingInTheFeed() throws Exception {
    try (ReferenceServer server = ReferenceServer.start(options(dataDir));
        BlazeGrpcClient client = BlazeGrpcClient.forTarget(target(server))) {
      List<ChangeSubscription> subscriptions = new ArrayList<>();
      List<RecordingListener> listeners = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        RecordingListener listener = new RecordingListener();
        listeners.add(listener);
        subscriptions.add(client.subscribe(BUGS, 0, listener)); // from 0: no race with the insert
      }
      client.insert(BUGS, BugWorkload.bugs(5, 0, 1).get(0));
      for (RecordingListener listener : listeners) {
        listener.awaitChanges(1);
      }
      assertThat(server.database().changeFeed().subscriberCount(BUGS)).isEqualTo(20);
      subscriptions.forEach(ChangeSubscription::cancel);
      awaitSubscribers(server, 0);
      assertThat(server.database().changeFeed().queuedEvents()).isZero();
    }
  }

  private static void awaitSubscribers(ReferenceServer server, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + RecordingListener.WAIT.toNanos();
    while (server.database().changeFeed().subscriberCount() != count) {
      assertThat(System.nanoTime()).as("subscribers left: %d", count).isLessThan(deadline);
      Thread.sleep(10); // the server hears of a cancellation asynchronously
    }
  }

  static String target(ReferenceServer server) {
    return "127.0.0.1:" + server.grpcPort();
  }

  static ManagedChannel channel(ReferenceServer server) {
    return NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
  }

  /** Records the Protobuf API's typed changes. */
  static final class ProtoRecorder implements StreamObserver<BugChanges> {
    private final List<BugChange> changes = new ArrayList<>();
    final CompletableFuture<Throwable> end = new CompletableFuture<>();

    @Override
    public synchronized void onNext(BugChanges batch) {
      changes.addAll(batch.getChangesList());
      notifyAll();
    }

    @Override
    public synchronized void onError(Throwable error) {
      end.complete(error);
      notifyAll();
    }

    @Override
    public synchronized void onCompleted() {
      end.complete(null);
      notifyAll();
    }

    synchronized List<BugChange> awaitChanges(int count) throws InterruptedException {
      long deadline = System.nanoTime() + RecordingListener.WAIT.toNanos();
      while (changes.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || end.isDone()) {
          throw new AssertionError(
              "only "
                  + changes.size()
                  + " of "
                  + count
                  + " changes arrived; end: "
                  + end.getNow(null),
              end.getNow(null));
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return List.copyOf(changes);
    }
  }
}

package dev.blazebench.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.ByteString;
import dev.blazebench.binary.BlazeOperation;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeSequences;
import dev.blazebench.binary.BlazeValue;
import dev.blazebench.binary.OperationType;
import dev.blazebench.protocol.client.BlazeGrpcClient;
import dev.blazebench.protocol.client.Change;
import dev.blazebench.protocol.grpc.BlazeDBServiceGrpc;
import dev.blazebench.protocol.grpc.SyncAck;
import dev.blazebench.protocol.grpc.SyncMessage;
import dev.blazebench.protocol.sync.ClientOperations;
import dev.blazebench.protocol.workload.BugWorkload;
import dev.blazebench.server.ReferenceServer;
import dev.blazebench.server.realtime.SyncRecorder.Received;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sync on a real server over 127.0.0.1: two clients see each other's pushes exactly once, in order,
 * and never their own; the pusher is acknowledged with the sequences its operations got; a
 * Subscribe stream sees everything; a bad message ends only its own stream with a status that names
 * it, having applied nothing of it; a reader that stops reading is ended at the feed's bound with a
 * resume point; a half-close ends cleanly; a server stop ends the stream.
 */
class GrpcSyncTest {

  private static final String BUGS = "bugs";
  private static final Metadata.Key<String> RESUME_AFTER =
      Metadata.Key.of("blazedb-resume-after", Metadata.ASCII_STRING_MARSHALLER);

  @TempDir Path dataDir;

  private final List<ManagedChannel> channels = new ArrayList<>();

  @AfterEach
  void closeChannels() throws InterruptedException {
    for (ManagedChannel channel : channels) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void twoClientsSeeEachOthersPushesOnceInOrderAndNotTheirOwn() throws Exception {
    try (ReferenceServer server = ReferenceServer.start(GrpcSubscribeTest.options(dataDir));
        BlazeGrpcClient unary = BlazeGrpcClient.forTarget(GrpcSubscribeTest.target(server))) {
      RecordingListener subscriber = new RecordingListener();
      unary.subscribe(BUGS, 0, subscriber);
      SyncRecorder a = open(server, new SyncRecorder());
      SyncRecorder b = open(server, new SyncRecorder());
      ClientOperations opsA = new ClientOperations(UUID.randomUUID());
      ClientOperations opsB = new ClientOperations(UUID.randomUUID());
      List<BlazeRecord> bugs = BugWorkload.newBugs(7, 0, 4);
      UUID[] ids = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};

      // A: one message of two inserts; B: an insert; A: an update of B's record; B: a delete.
      a.send(
          push(1, opsA.insert(BUGS, ids[0], bugs.get(0)), opsA.insert(BUGS, ids[1], bugs.get(1))));
      a.awaitAcks(2);
      b.send(push(1, opsB.insert(BUGS, ids[2], bugs.get(2))));
      b.awaitAcks(2);
      a.send(push(2, opsA.update(BUGS, ids[2], priority(5))));
      a.awaitAcks(3);
      b.send(push(2, opsB.delete(BUGS, ids[0])));
      b.awaitAcks(3);

      List<SyncAck> acksA = a.awaitAcks(3);
      List<SyncAck> acksB = b.awaitAcks(3);
      // The opening messages are acknowledged with no sequences; then each push with its own.
      assertThat(acksA.get(0).getLastSequence()).isZero();
      assertThat(acksA.subList(1, 3))
          .extracting(SyncAck::getPushId, SyncAck::getFirstSequence, SyncAck::getLastSequence)
          .containsExactly(tuple(1L, 1L, 2L), tuple(2L, 4L, 4L));
      assertThat(acksB.subList(1, 3))
          .extracting(SyncAck::getPushId, SyncAck::getFirstSequence, SyncAck::getLastSequence)
          .containsExactly(tuple(1L, 3L, 3L), tuple(2L, 5L, 5L));

      // Each sees exactly the other's changes, in order, with the operations' records.
      List<Received> seenByA = a.awaitChanges(2);
      List<Received> seenByB = b.awaitChanges(3);
      assertThat(seenByA).extracting(Received::sequence).containsExactly(3L, 5L);
      assertThat(seenByB).extracting(Received::sequence).containsExactly(1L, 2L, 4L);
      assertThat(seenByA)
          .extracting(r -> r.operation().type(), r -> r.operation().recordId())
          .containsExactly(
              tuple(OperationType.INSERT, ids[2]), tuple(OperationType.DELETE, ids[0]));
      assertThat(seenByB.get(2).operation().changes().get("priority"))
          .isEqualTo(BlazeValue.integer(5));

      // Subscribe sees every change once; the store holds the result.
      assertThat(subscriber.awaitChanges(5))
          .extracting(Change::sequence)
          .containsExactly(1L, 2L, 3L, 4L, 5L);
      assertThat(server.database().count(BUGS)).isEqualTo(2);
      assertThat(server.database().fetch(BUGS, ids[2]).get("priority"))
          .isEqualTo(BlazeValue.integer(5));

      // Nothing more arrives: no echo, no duplicate (a marker change flushes the streams).
      unary.insert(BUGS, bugs.get(3));
      assertThat(a.awaitChanges(3)).extracting(Received::sequence).containsExactly(3L, 5L, 6L);
      assertThat(b.awaitChanges(4)).extracting(Received::sequence).containsExactly(1L, 2L, 4L, 6L);
    }
  }

  @Test
  void resumesAfterTheLastSequenceItReceived() throws Exception {
    try (ReferenceServer server = ReferenceServer.start(GrpcSubscribeTest.options(dataDir));
        BlazeGrpcClient unary = BlazeGrpcClient.forTarget(GrpcSubscribeTest.target(server))) {
      unary.insertMany(BUGS, BugWorkload.bugs(3, 0, 5));
      SyncRecorder resumed = new SyncRecorder();
      BlazeDBServiceGrpc.newStub(channel(server)).sync(resumed);
      resumed.send(SyncMessage.newBuilder().setCollection(BUGS).setLastSequence(3).build());
      assertThat(resumed.awaitChanges(2)).extracting(Received::sequence).containsExactly(4L, 5L);
      unary.insert(BUGS, BugWorkload.bugs(3, 5, 1).get(0));
      assertThat(resumed.awaitChanges(3))
          .extracting(Received::sequence)
          .containsExactly(4L, 5L, 6L);
    }
  }

  @Test
  void aBadMessageEndsOnlyItsStreamAndAppliesNothingOfIt() throws Exception {
    try (ReferenceServer server = ReferenceServer.start(GrpcSubscribeTest.options(dataDir))) {
      SyncRecorder healthy = open(server, new SyncRecorder());
      ClientOperations ops = new ClientOperations(UUID.randomUUID());
      UUID missing = UUID.randomUUID();
      BlazeRecord bug = BugWorkload.newBugs(9, 0, 1).get(0);

      assertFails(
          server,
          SyncMessage.newBuilder().setPushId(1).build(),
          Status.Code.INVALID_ARGUMENT,
          "message 1 (push_id 1): collection: missing");
      assertFails(
          server,
          SyncMessage.newBuilder()
              .setPushId(7)
              .setOperations(ByteString.copyFrom(new byte[] {0, 0, 0, 1, 0, 0, 0, 3, 1, 2, 3}))
              .build(),
          Status.Code.INVALID_ARGUMENT,
          "message 2 (push_id 7): operations: malformed BlazeBinary operation sequence");
      assertFails(
          server,
          push(8, ops.insert(BUGS, UUID.randomUUID(), bug), ops.update(BUGS, missing, priority(1))),
          Status.Code.NOT_FOUND,
          "message 2 (push_id 8): operations[1]: no record " + missing);
      assertFails(
          server,
          push(9, ops.insert("other", UUID.randomUUID(), bug)),
          Status.Code.INVALID_ARGUMENT,
          "message 2 (push_id 9): operations[0]: the operation is for collection \"other\"");
      assertFails(
          server,
          push(10, ops.operation(OperationType.CREATE_INDEX, BUGS, UUID.randomUUID(), bug)),
          Status.Code.INVALID_ARGUMENT,
          "operations[0]: operation type CREATE_INDEX is not applied");
      assertFails(
          server,
          SyncMessage.newBuilder().setPushId(11).setCollection("other").build(),
          Status.Code.INVALID_ARGUMENT,
          "message 2 (push_id 11): collection: \"other\" differs from the stream's \"bugs\"");
      UUID taken = UUID.randomUUID();
      healthy.send(push(1, ops.insert(BUGS, taken, bug)));
      healthy.awaitAcks(2);
      assertFails(
          server,
          push(12, ops.insert(BUGS, UUID.randomUUID(), bug), ops.insert(BUGS, taken, bug)),
          Status.Code.ALREADY_EXISTS,
          "message 2 (push_id 12): operations[1]:");

      // Nothing of a refused message was applied, and the healthy stream goes on.
      assertThat(server.database().lastSequence(BUGS)).isEqualTo(1);
      assertThat(server.database().count(BUGS)).isEqualTo(1);
      healthy.send(push(2, ops.delete(BUGS, taken)));
      assertThat(healthy.awaitAcks(3).get(2).getLastSequence()).isEqualTo(2);
      assertThat(healthy.changes()).isEmpty();
      assertThat(server.database().count(BUGS)).isZero();
    }
  }

  @Test
  void aClientThatStopsReadingIsEndedAtTheBoundWithAResumePoint() throws Exception {
    int total = 20_000; // well past the feed's default bound of 10,000 queued changes
    try (ReferenceServer server = ReferenceServer.start(GrpcSubscribeTest.options(dataDir));
        BlazeGrpcClient unary = BlazeGrpcClient.forTarget(GrpcSubscribeTest.target(server))) {
      CountDownLatch gate = new CountDownLatch(1);
      SyncRecorder stuck = open(server, new SyncRecorder(gate));
      SyncRecorder healthy = open(server, new SyncRecorder());
      for (int from = 0; from < total; from += 1000) {
        unary.insertMany(BUGS, BugWorkload.bugs(4, from, 1000));
      }
      assertThat(healthy.awaitChanges(total))
          .extracting(Received::sequence)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());

      gate.countDown();
      Throwable end = stuck.awaitEnd();
      Status status = Status.fromThrowable(end);
      assertThat(status.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
      assertThat(status.getDescription()).contains("subscriber too slow");
      List<Long> got = stuck.changes().stream().map(Received::sequence).toList();
      assertThat(got)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, got.size()).boxed().toList());
      assertThat(got.size()).isLessThan(total);
      assertThat(Long.parseLong(Status.trailersFromThrowable(end).get(RESUME_AFTER)))
          .isEqualTo(got.get(got.size() - 1));
    }
  }

  @Test
  void aHalfCloseEndsTheStreamAfterItsAcks() throws Exception {
    try (ReferenceServer server = ReferenceServer.start(GrpcSubscribeTest.options(dataDir))) {
      SyncRecorder client = open(server, new SyncRecorder());
      ClientOperations ops = new ClientOperations(UUID.randomUUID());
      client.send(
          push(1, ops.insert(BUGS, UUID.randomUUID(), BugWorkload.newBugs(2, 0, 1).get(0))));
      client.halfClose();
      assertThat(client.awaitStatus().getCode()).isEqualTo(Status.Code.OK);
      assertThat(client.acks()).hasSize(2);
      awaitNoSubscriber(server);
    }
  }

  @Test
  void aServerStopEndsTheStream() throws Exception {
    ReferenceServer server = ReferenceServer.start(GrpcSubscribeTest.options(dataDir));
    try {
      SyncRecorder client = open(server, new SyncRecorder());
      server.close();
      assertThat(client.awaitStatus().getCode())
          .isIn(Status.Code.UNAVAILABLE, Status.Code.CANCELLED);
    } finally {
      server.close();
    }
  }

  /** Opens a Sync stream on its own channel following BUGS from now on; waits for its ack. */
  private SyncRecorder open(ReferenceServer server, SyncRecorder recorder)
      throws InterruptedException {
    BlazeDBServiceGrpc.newStub(channel(server)).sync(recorder);
    recorder.send(SyncMessage.newBuilder().setCollection(BUGS).setFromLatest(true).build());
    recorder.awaitAcks(1);
    return recorder;
  }

  /** Sends {@code bad} as the second message of a fresh stream; checks how the stream ends. */
  private void assertFails(
      ReferenceServer server, SyncMessage bad, Status.Code code, String description)
      throws InterruptedException {
    SyncRecorder client = new SyncRecorder();
    BlazeDBServiceGrpc.newStub(channel(server)).sync(client);
    if (bad.getPushId() != 1) {
      client.send(SyncMessage.newBuilder().setCollection(BUGS).setFromLatest(true).build());
    }
    client.send(bad);
    Throwable end = client.awaitEnd();
    Status status = Status.fromThrowable(end);
    assertThat(status.getCode()).as("%s", status).isEqualTo(code);
    assertThat(status.getDescription()).contains(description);
    assertThat(Status.trailersFromThrowable(end).get(RESUME_AFTER)).isNotNull();
  }

  private ManagedChannel channel(ReferenceServer server) {
    ManagedChannel channel = GrpcSubscribeTest.channel(server);
    channels.add(channel);
    return channel;
  }

  private static SyncMessage push(long pushId, BlazeOperation... operations) {
    return SyncMessage.newBuilder()
        .setPushId(pushId)
        .setOperations(ByteString.copyFrom(BlazeSequences.encodeOperations(List.of(operations))))
        .build();
  }

  private static BlazeRecord priority(int value) {
    return BlazeRecord.builder().put("priority", BlazeValue.integer(value)).build();
  }

  private static void awaitNoSubscriber(ReferenceServer server) throws InterruptedException {
    long deadline = System.nanoTime() + SyncRecorder.WAIT.toNanos();
    while (server.database().changeFeed().subscriberCount() != 0) {
      assertThat(System.nanoTime()).as("subscribers left").isLessThan(deadline);
      Thread.sleep(10); // the feed forgets a subscription asynchronously
    }
  }
}

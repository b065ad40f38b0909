package dev.blazebench.load.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.protocol.grpc.FetchRequest;
import dev.blazebench.protocol.workload.BugWorkload;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GrpcRequestFrameTest {

  @Test
  void theFrameIsAnUncompressedFlagTheLengthAndTheMessage() throws Exception {
    byte[] message = GrpcRequestFrame.fetchRequest("bugs", 0).toByteArray();
    byte[] frame = GrpcRequestFrame.frame(message);

    assertThat(frame[0]).isZero();
    assertThat(ByteBuffer.wrap(frame, 1, 4).getInt()).isEqualTo(message.length);
    FetchRequest parsed = FetchRequest.parseFrom(Arrays.copyOfRange(frame, 5, frame.length));
    assertThat(parsed.getCollection()).isEqualTo("bugs");
    ByteBuffer id = parsed.getId().asReadOnlyByteBuffer();
    assertThat(new java.util.UUID(id.getLong(), id.getLong()))
        .isEqualTo(BugWorkload.id(BugWorkload.DEFAULT_SEED, 0));
  }
}

package dev.blazebench.load.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.load.api.DecodeFailure;
import dev.blazebench.load.engine.ErrorClass;
import dev.blazebench.load.engine.OpOutcome;
import io.grpc.Status;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class GrpcFailuresTest {

  @Test
  void statusesMapToErrorClasses() {
    assertThat(classify(Status.UNAVAILABLE.asRuntimeException()).errorClass())
        .isEqualTo(ErrorClass.CONNECT);
    assertThat(classify(Status.DEADLINE_EXCEEDED.asRuntimeException()).errorClass())
        .isEqualTo(ErrorClass.DEADLINE);
    OpOutcome notFound = classify(Status.NOT_FOUND.withDescription("no bug").asException());
    assertThat(notFound.errorClass()).isEqualTo(ErrorClass.STATUS);
    assertThat(notFound.statusCode()).isEqualTo(5);
    assertThat(notFound.detail()).isEqualTo("NOT_FOUND: no bug");
  }

  @Test
  void anAnswerThatDoesNotDecodeIsADecodeFailureWhateverWrapsIt() {
    DecodeFailure decode = new DecodeFailure("Query", new IllegalStateException("truncated"));
    assertThat(classify(new CompletionException(decode)).errorClass()).isEqualTo(ErrorClass.DECODE);
  }

  @Test
  void aClientSideExceptionIsNotMistakenForAServerStatus() {
    assertThat(classify(new IllegalArgumentException("bad query")).errorClass())
        .isEqualTo(ErrorClass.OTHER);
  }

  private static OpOutcome classify(Throwable t) {
    return GrpcFailures.classify(t);
  }
}

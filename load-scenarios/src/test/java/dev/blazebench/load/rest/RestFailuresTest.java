package dev.blazebench.load.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.load.api.DecodeFailure;
import dev.blazebench.load.engine.ErrorClass;
import dev.blazebench.load.engine.OpOutcome;
import dev.blazebench.protocol.query.Query;
import io.vertx.core.http.HttpClosedException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class RestFailuresTest {

  @Test
  void httpStatusesAndTransportFailuresBecomeErrorClasses() {
    OpOutcome notFound = RestFailures.classify(new HttpStatusFailure("Fetch", 404, "{}"));
    assertThat(notFound.errorClass()).isEqualTo(ErrorClass.STATUS);
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(RestFailures.classify(new HttpStatusFailure("Query", 503, "")).errorClass())
        .isEqualTo(ErrorClass.CONNECT);
    assertThat(
            RestFailures.classify(new CompletionException(new HttpClosedException("closed")))
                .errorClass())
        .isEqualTo(ErrorClass.CONNECT);
    assertThat(RestFailures.classify(new ConnectException("refused")).errorClass())
        .isEqualTo(ErrorClass.CONNECT);
    assertThat(RestFailures.classify(new TimeoutException()).errorClass())
        .isEqualTo(ErrorClass.DEADLINE);
    assertThat(
            RestFailures.classify(new DecodeFailure("Query", new IllegalStateException("bad")))
                .errorClass())
        .isEqualTo(ErrorClass.DECODE);
  }

  @Test
  void aServerThatNeverAnswersFailsTheCallAtItsDeadline() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      Thread accepting =
          new Thread(
              () -> {
                try (Socket socket = silent.accept()) {
                  socket.getInputStream().readAllBytes(); // reads, never answers
                } catch (java.io.IOException e) {
                  // the client reset the connection: expected
                }
              });
      accepting.setDaemon(true);
      accepting.start();
      try (RestJsonApi api =
          new RestJsonApi(
              new RestConnections("127.0.0.1", silent.getLocalPort(), 1, false), false)) {
        // The deadline must pass after the request is on the wire: one that passes while the pool
        // is still connecting (a loaded machine can take over a second) releases the unsent
        // request, and the silent server, rightly, never sees its connection closed.
        CompletableFuture<?> call = api.query("bugs", Query.all(), Duration.ofSeconds(3));
        Throwable failure = null;
        try {
          call.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          failure = e.getCause();
        }
        assertThat(failure).isInstanceOf(TimeoutException.class);
        assertThat(api.classify(failure).errorClass()).isEqualTo(ErrorClass.DEADLINE);
        // The request was reset: the server sees its connection closed.
        accepting.join(10_000);
        assertThat(accepting.isAlive()).isFalse();
      }
    }
  }
}

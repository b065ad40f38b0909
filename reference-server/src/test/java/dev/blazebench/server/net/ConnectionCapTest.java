package dev.blazebench.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The count behind both listeners' caps; the listeners themselves are held to it in {@code
 * ConnectionLimitsTest} (real sockets). Here: the arithmetic and the log lines, which an operator
 * reads to learn that the cap was hit.
 */
class ConnectionCapTest {

  private final Logger logger = Logger.getLogger(ConnectionCap.class.getName());
  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord logRecord) {
          logged.add(logRecord);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    logger.addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    logger.removeHandler(capture);
  }

  @Test
  void admitsUpToTheCapAndRefusesPastIt() {
    ConnectionCap cap = new ConnectionCap("gRPC", 2);

    assertThat(cap.admit()).isTrue();
    assertThat(cap.admit()).isTrue();
    assertThat(cap.admit()).isFalse();
    assertThat(cap.admit()).isFalse();

    assertThat(cap.open()).isEqualTo(2);
    assertThat(cap.opened()).isEqualTo(2);
    assertThat(cap.refused()).isEqualTo(2);

    cap.release();
    assertThat(cap.admit()).isTrue();
    assertThat(cap.open()).isEqualTo(2);
    assertThat(cap.opened()).isEqualTo(3);
  }

  @Test
  void logsOnceWhenTheCapIsReachedAndOnceWhenItIsLeft() {
    ConnectionCap cap = new ConnectionCap("REST", 1);
    cap.admit();
    for (int i = 0; i < 5; i++) {
      cap.admit();
    }
    cap.release();
    cap.admit();
    cap.admit();

    assertThat(logged)
        .extracting(LogRecord::getLevel)
        .containsExactly(Level.WARNING, Level.INFO, Level.WARNING);
    assertThat(format(logged.get(0)))
        .isEqualTo(
            "REST: 1 connections open, the limit (--max-connections): closing new ones until some"
                + " close");
    assertThat(logged.get(1).getMessage())
        .isEqualTo("REST: connections below the limit (1) again: accepting");
  }

  @Test
  void refusesACapBelowOne() {
    assertThatThrownBy(() -> new ConnectionCap("REST", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max must be at least 1, was 0");
  }

  private static String format(LogRecord logRecord) {
    return java.text.MessageFormat.format(logRecord.getMessage(), logRecord.getParameters());
  }
}

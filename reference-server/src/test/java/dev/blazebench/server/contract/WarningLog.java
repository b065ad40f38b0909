package dev.blazebench.server.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The warnings (and worse) the server's code logs while it is open: for tests that require a
 * client's bytes to cause none. Listens on the parent of every {@code dev.blazebench} logger.
 */
final class WarningLog extends Handler implements AutoCloseable {

  /** Held so that the logger, and the handler on it, stay. */
  private static final Logger PROJECT_LOGGER = Logger.getLogger("dev.blazebench");

  private final List<String> warnings = new ArrayList<>();

  private WarningLog() {
    setLevel(Level.WARNING);
  }

  static WarningLog capture() {
    WarningLog log = new WarningLog();
    PROJECT_LOGGER.addHandler(log);
    return log;
  }

  /** The messages of the warnings logged so far. */
  synchronized List<String> warnings() {
    return List.copyOf(warnings);
  }

  @Override
  public synchronized void publish(LogRecord record) {
    if (isLoggable(record)) {
      warnings.add(record.getLoggerName() + ": " + record.getMessage());
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    PROJECT_LOGGER.removeHandler(this);
  }
}

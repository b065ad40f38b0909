package dev.blazebench.load.engine;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Classifies the JDK's exceptions into {@link ErrorClass}es; transports add their own on top. */
public final class Failures {

  private Failures() {}

  /** The exception behind the wrappers that futures add. */
  public static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** CONNECT for socket-level failures, DEADLINE for timeouts, OTHER for the rest. */
  public static OpOutcome classify(Throwable error) {
    Throwable t = unwrap(error);
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof TimeoutException) {
        return OpOutcome.failed(ErrorClass.DEADLINE, describe(c));
      }
      if (c instanceof ConnectException
          || c instanceof NoRouteToHostException
          || c instanceof UnknownHostException
          || c instanceof UnresolvedAddressException
          || c instanceof ClosedChannelException
          || c instanceof SocketException) {
        return OpOutcome.failed(ErrorClass.CONNECT, describe(c));
      }
      if (c.getCause() == c) {
        break;
      }
    }
    if (t instanceof IOException) {
      return OpOutcome.failed(ErrorClass.CONNECT, describe(t));
    }
    return OpOutcome.failed(ErrorClass.OTHER, describe(t));
  }

  /** "ConnectException: Connection refused". */
  public static String describe(Throwable t) {
    String message = t.getMessage();
    return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}

package dev.blazebench.harness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes every {@code blazebench} command documents, so that scripts and CI can tell a
 * broken invocation from a failed check.
 */
public final class ExitCodes {

  /** The command did what was asked. */
  public static final int OK = 0;

  /** Bad input: unknown or malformed options, unreadable files, malformed bytes or JSON. */
  public static final int BAD_INPUT = 1;

  /** The command ran, but an assertion or regression gate failed ({@link CheckFailedException}). */
  public static final int CHECK_FAILED = 2;

  /**
   * A bug in blazebench: an exception no command expected. Kept apart from {@link #BAD_INPUT} so
   * that a crash is never mistaken for the user's mistake or for a failed gate.
   */
  public static final int INTERNAL_ERROR = 3;

  /**
   * {@code serve} stopped because its store failed ({@code --on-store-failure exit}): started
   * again, it reopens the store with every write it acknowledged.
   */
  public static final int STORE_FAILED = 4;

  /** The lines every command's {@code --help} shows, code to meaning. */
  static Map<String, String> helpList() {
    Map<String, String> list = new LinkedHashMap<>();
    list.put(Integer.toString(OK), "ok");
    list.put(Integer.toString(BAD_INPUT), "bad input (options, files, malformed bytes or JSON)");
    list.put(Integer.toString(CHECK_FAILED), "an assertion or regression check failed");
    list.put(
        Integer.toString(INTERNAL_ERROR),
        "internal error (a bug: please report it with the stack trace)");
    list.put(
        Integer.toString(STORE_FAILED), "serve: the store failed (start it again to reopen it)");
    return list;
  }

  private ExitCodes() {}
}

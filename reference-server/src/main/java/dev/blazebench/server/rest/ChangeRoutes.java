package dev.blazebench.server.rest;

import dev.blazebench.server.core.BlazeDatabase;
import dev.blazebench.server.core.InvalidRequestException;
import dev.blazebench.server.store.ChangesPage;
import dev.blazebench.server.store.ChangesResult;
import dev.blazebench.server.store.ResyncNeeded;
import io.vertx.ext.web.RoutingContext;

/**
 * REST polling of a collection's change log, for clients that cannot hold a stream open:
 *
 * <pre>
 * GET /v1/{collection}/changes?since=SEQ&amp;limit=N   200 {"changes": [...], "lastSequence", "hasMore"}
 *                                                 410 {"error": "FAILED_PRECONDITION", "message": "resync needed: ...", ...}
 * </pre>
 *
 * {@code since} (default 0: everything the log keeps) means <em>after</em>: the answer starts with
 * change {@code since + 1}. A poller sends the last {@code sequence} it received as the next {@code
 * since}; with {@code "hasMore": true} it asks again at once. {@code lastSequence} is the
 * collection's newest sequence, so {@code ?limit=0} tells a new client where "now" is. The shape of
 * a change is {@link ChangesJson}'s, the same as WebSocket push.
 */
final class ChangeRoutes {

  /** Changes per answer unless {@code limit} says otherwise. */
  static final int DEFAULT_LIMIT = 1_000;

  /** The most changes one answer holds. */
  static final int MAX_LIMIT = 10_000;

  private final BlazeDatabase db;
  private final WorkerCalls calls;

  ChangeRoutes(BlazeDatabase db, WorkerCalls calls) {
    this.db = db;
    this.calls = calls;
  }

  /** {@code GET /v1/{collection}/changes?since=SEQ&limit=N}. */
  void changes(RoutingContext context) {
    String collection = RequestParams.collection(context);
    long since = since(context);
    int limit = limit(context);
    calls.respond(
        context,
        () -> {
          ChangesResult result =
              limit == 0
                  ? new ChangesPage(since, java.util.List.of(), db.lastSequence(collection))
                  : db.readChanges(collection, since, limit);
          if (result instanceof ResyncNeeded resync) {
            return new Reply(410, ChangesJson.resync(resync), null);
          }
          ChangesPage page = (ChangesPage) result;
          return Reply.ok(ChangesJson.envelope(page.events(), page.lastSequence(), page.hasMore()));
        });
  }

  /** The {@code since} parameter: a sequence, at least 0; 0 when absent. */
  static long since(RoutingContext context) {
    String value = context.request().getParam("since");
    if (value == null) {
      return 0;
    }
    try {
      long since = Long.parseLong(value);
      if (since >= 0) {
        return since;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidRequestException(
        "since: expected a sequence number (an integer of at least 0), was \"" + value + "\"");
  }

  private static int limit(RoutingContext context) {
    String value = context.request().getParam("limit");
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    int limit = RequestParams.parseNonNegativeInt("limit", value);
    if (limit > MAX_LIMIT) {
      throw new InvalidRequestException(
          "limit: at most " + MAX_LIMIT + " changes per answer, was " + limit);
    }
    return limit;
  }
}

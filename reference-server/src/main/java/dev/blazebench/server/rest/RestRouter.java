package dev.blazebench.server.rest;

import dev.blazebench.server.core.BlazeDatabase;
import dev.blazebench.server.net.RequestBuffer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The REST API's routes (reference-server/README.md documents them with examples):
 *
 * <pre>
 * POST   /v1/{collection}            insert            201 record | {"id"} with ?return=id
 * POST   /v1/{collection}/batch      insert many       201 {"records",count} | {"ids",count}
 * GET    /v1/{collection}/{id}       fetch             200 record
 * PATCH  /v1/{collection}/{id}       merge update      200 record
 * DELETE /v1/{collection}/{id}       delete            204
 * POST   /v1/{collection}/query      query             200 {"records",count}
 * POST   /v1/{collection}/aggregate  aggregate         200 {"rows",count}
 * POST   /v1/{collection}/stream     streamed query    200 NDJSON, chunked
 * GET    /api/{collection}?f=v&amp;limit=n  the seed's form  200 {"{collection}": [...]}
 * GET    /v1/{collection}/changes?since=SEQ&amp;limit=N  poll the change log  200 / 410 (see ChangeRoutes)
 * GET    /health                     health            200 {"status":"SERVING"} / 503 once the store failed
 * </pre>
 *
 * A form or multipart body is refused with 415. Every body is reserved in the server-wide {@link
 * RequestBuffer} (503 when it is full) and passes {@link BodyHandler}, which refuses one over the
 * limit with 413 before it is buffered in full (for GET, HEAD, DELETE and OPTIONS the limit is 0:
 * no route reads their body); errors become JSON bodies in {@link ErrorResponses}.
 */
final class RestRouter {

  private RestRouter() {}

  static Router create(
      Vertx vertx,
      BlazeDatabase db,
      RestOptions options,
      WorkerCalls calls,
      RestMetrics metrics,
      RequestBuffer bodies) {
    RecordRoutes records = new RecordRoutes(db, calls);
    QueryRoutes queries = new QueryRoutes(db, calls);
    StreamRoute stream = new StreamRoute(db, calls, metrics, options.streamBatchRecords());
    ChangeRoutes changes = new ChangeRoutes(db, calls);

    Router router = Router.router(vertx);
    // Two routes, since Vert.x Web allows no user handler before a body handler on one route.
    router.route().handler(RestRouter::refuseUnknownTransferCodings);
    router.route().handler(RestRouter::refuseForms);
    // A body trickled over HTTP/2 is held to a rate (HTTP/1.1's, by HeadDeadline, under the
    // router).
    Http2BodyRate bodyRate = new Http2BodyRate(options.connections().headerTimeout(), metrics);
    router.route().handler(bodyRate::watch);
    router.route().handler(context -> holdBody(context, bodies, options.maxBodyBytes()));
    // No route reads the body of a GET, HEAD, DELETE or OPTIONS: any is refused (413) as it comes,
    // so an HTTP/2 GET with DATA frames, reserved nothing by holdBody, is never buffered. A request
    // meets one body handler only: the second passes a request the first has seen.
    Route bodiless = router.route();
    BODILESS.forEach(bodiless::method);
    bodiless
        .handler(BodyHandler.create(false).setBodyLimit(0))
        .failureHandler(context -> ErrorResponses.handleFailure(context, 0));
    router
        .route()
        .handler(BodyHandler.create(false).setBodyLimit(options.maxBodyBytes()))
        .failureHandler(context -> ErrorResponses.handleFailure(context, options.maxBodyBytes()));

    router.post("/v1/:collection/batch").handler(records::insertMany);
    router.post("/v1/:collection/query").handler(queries::query);
    router.post("/v1/:collection/aggregate").handler(queries::aggregate);
    router.post("/v1/:collection/stream").handler(stream::stream);
    router.post("/v1/:collection").handler(records::insert);
    router.get("/v1/:collection/changes").handler(changes::changes); // before :id
    router.get("/v1/:collection/:id").handler(records::fetch);
    router.route(HttpMethod.PATCH, "/v1/:collection/:id").handler(records::update);
    router.delete("/v1/:collection/:id").handler(records::delete);
    router.get("/api/:collection").handler(queries::simpleQuery);
    router.get("/health").handler(context -> health(context, db));

    // Vert.x Web's own answers (no route, wrong method, body too large) in our JSON shape.
    for (int status : new int[] {400, 404, 405, 413, 500}) {
      router.errorHandler(
          status, context -> ErrorResponses.handleFailure(context, options.maxBodyBytes()));
    }
    return router;
  }

  /**
   * {@code GET /health}, for probes (Docker, Kubernetes): 200 {@code {"status":"SERVING"}} while
   * the store takes writes, 503 UNAVAILABLE once it has failed (it then needs a restart), as gRPC
   * health turns NOT_SERVING.
   */
  private static void health(RoutingContext context, BlazeDatabase db) {
    if (db.store().hasFailed()) {
      ErrorResponses.send(
          context.response(),
          503,
          "UNAVAILABLE",
          "the store failed: it takes no writes until the server is restarted");
      return;
    }
    context
        .response()
        .putHeader("Content-Type", "application/json")
        .end("{\"status\":\"SERVING\"}");
  }

  /**
   * Answers 501 and closes the connection when an HTTP/1.1 request names a transfer coding other
   * than chunked. Vert.x would take such a request as having no body and read the body's bytes as
   * the next request on the connection; RFC 9112 §6.1: its length cannot be determined.
   */
  private static void refuseUnknownTransferCodings(RoutingContext context) {
    List<String> codings = context.request().headers().getAll(HttpHeaders.TRANSFER_ENCODING);
    if (!codings.isEmpty()
        && !(codings.size() == 1 && codings.get(0).trim().equalsIgnoreCase("chunked"))) {
      ErrorResponses.closeAfterAnswer(context);
      ErrorResponses.send(
          context.response(),
          501,
          "UNIMPLEMENTED",
          "Transfer-Encoding "
              + String.join(", ", codings)
              + " is not supported; send the body chunked or with a Content-Length");
      return;
    }
    context.next();
  }

  /**
   * Reserves the request's body in the server-wide {@link RequestBuffer} before a byte of it is
   * read, and answers 503 (with {@code Retry-After: 1}, closing the connection, the body unread)
   * when that would pass the buffer's limit; the reservation is returned once the request has been
   * answered, or has failed, since the parsed body lives until then.
   */
  private static void holdBody(RoutingContext context, RequestBuffer bodies, int maxBodyBytes) {
    long bytes = bodyBytes(context.request(), maxBodyBytes);
    if (bytes == 0) {
      context.next();
      return;
    }
    if (!bodies.tryReserve(bytes)) {
      ErrorResponses.closeAfterAnswer(context);
      context.response().putHeader("Retry-After", "1");
      ErrorResponses.send(
          context.response(),
          503,
          "UNAVAILABLE",
          String.format(
              Locale.ROOT,
              "the server holds %,d bytes of request bodies; this one (%,d bytes) would pass its"
                  + " limit of %,d (--request-buffer); retry later",
              bodies.reserved(),
              bytes,
              bodies.limit()));
      return;
    }
    context.addEndHandler(ended -> bodies.release(bytes));
    context.next();
  }

  /**
   * The bytes to reserve for a request's body: its Content-Length; the largest body accepted when
   * its length is not known before it arrives (chunked, or HTTP/2 without content-length); none
   * when it has no body, or declares one over the limit ({@link BodyHandler} refuses that unread).
   *
   * <p>An HTTP/2 request says it has no body by ending its stream with its headers, which Vert.x
   * has not yet taken in when the router runs ({@code isEnded()} is still false), so an HTTP/2
   * request without content-length reserves the largest body. GET, HEAD, DELETE and OPTIONS reserve
   * nothing, on either version: no route reads their body, and one sent is refused with 413 as its
   * first bytes come (h2load's GETs, reserving the largest body each, were refused 503).
   */
  static long bodyBytes(HttpServerRequest request, int maxBodyBytes) {
    if (BODILESS.contains(request.method())) {
      return 0; // refused with 413 as soon as a byte of a body comes (see create)
    }
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null) {
      try {
        long declared = Long.parseLong(length.trim());
        return declared >= 0 && declared <= maxBodyBytes ? declared : 0;
      } catch (NumberFormatException e) {
        return 0; // Vert.x's decoder refuses the request with 400 before routing
      }
    }
    if (request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
      return maxBodyBytes; // chunked: refuseUnknownTransferCodings let no other coding through
    }
    boolean http2 = request.version() == HttpVersion.HTTP_2;
    return http2 && !request.isEnded() ? maxBodyBytes : 0;
  }

  /** Methods no route reads a body of: a body sent with one is refused. */
  private static final Set<HttpMethod> BODILESS =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.DELETE, HttpMethod.OPTIONS);

  /**
   * Answers a form or multipart body with 415: the API speaks JSON, and Vert.x Web would otherwise
   * decode such a body as form fields (what {@code curl -d} sends without {@code -H 'Content-Type:
   * application/json'}). Any other content type, or none, is read as JSON.
   */
  private static void refuseForms(RoutingContext context) {
    String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type != null) {
      String lower = type.toLowerCase(Locale.ROOT);
      if (lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/")) {
        ErrorResponses.send(
            context.response(),
            415,
            "INVALID_ARGUMENT",
            "Content-Type " + type + " is not accepted; send JSON (application/json)");
        return;
      }
    }
    context.next();
  }
}

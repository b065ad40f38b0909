/**
 * The change feed: real-time delivery of a {@link dev.blazebench.server.store.BlazeStore}'s
 * committed changes to in-process subscribers, the core under every push adapter (gRPC Subscribe,
 * WebSocket). REST polling needs no feed: it reads {@link
 * dev.blazebench.server.store.BlazeStore#readChanges} directly.
 *
 * <ul>
 *   <li>{@link dev.blazebench.server.feed.ChangeFeed}: attach to a store, subscribe.
 *   <li>{@link dev.blazebench.server.feed.ChangeSubscriber}: what an adapter implements.
 *   <li>{@link dev.blazebench.server.feed.Subscription}: the adapter's handle for flow control
 *       ({@code resume}) and cancellation.
 *   <li>{@link dev.blazebench.server.feed.SubscriptionEnd}: why a subscription ended and where to
 *       resume.
 * </ul>
 *
 * <h2>A gRPC server-streaming adapter, in outline</h2>
 *
 * Flow control maps one to one: {@code onChanges} returns {@code isReady()}, {@code onReady} calls
 * {@code resume()}, cancellation calls {@code cancel()}.
 *
 * <pre>{@code
 * void subscribe(SubscribeRequest request, StreamObserver<SyncUpdate> responses) {
 *   var call = (ServerCallStreamObserver<SyncUpdate>) responses;
 *   Subscription sub = feed.subscribe(request.getCollection(), request.getFromSequence(),
 *       new ChangeSubscriber() {
 *         public boolean onChanges(List<ChangeEvent> events) {
 *           call.onNext(SyncUpdate.newBuilder()
 *               .setOperations(UnsafeByteOperations.unsafeWrap(ChangeEvent.encodeOperations(events)))
 *               .setLastSequence(events.get(events.size() - 1).sequence())
 *               .build());
 *           return call.isReady();
 *         }
 *         public void onEnd(SubscriptionEnd end) {
 *           Status status =
 *               end instanceof SubscriptionEnd.SubscriberTooSlow ? Status.RESOURCE_EXHAUSTED
 *               : end instanceof SubscriptionEnd.ResyncRequired ? Status.FAILED_PRECONDITION
 *               : end instanceof SubscriptionEnd.FeedClosed ? Status.UNAVAILABLE
 *               : Status.INTERNAL;
 *           call.onError(status.withDescription(end.message()).asRuntimeException());
 *         }
 *       });
 *   call.setOnReadyHandler(sub::resume);
 *   call.setOnCancelHandler(sub::cancel);
 * }
 * }</pre>
 *
 * (grpc-java runs the handler method and {@code onReady} on the call's serialized executor, so the
 * handlers are set before any {@code onReady} can fire; a {@code resume()} that races with a
 * returning {@code onChanges} is kept.)
 */
package dev.blazebench.server.feed;

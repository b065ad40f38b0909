package dev.blazebench.protocol;

import io.grpc.Attributes;
import io.grpc.KnownLength;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.Marshaller;
import io.grpc.SecurityLevel;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a server answer a request message it cannot parse with {@code INVALID_ARGUMENT} and the
 * parser's message, instead of grpc-java's {@code UNKNOWN: Application error processing RPC}.
 *
 * <p>grpc-java (checked with 1.85) closes a call whose request marshaller throws as UNKNOWN, even
 * when the marshaller throws a {@link StatusRuntimeException}, so the client never learns what was
 * wrong with its message. {@link #reportAsInvalidArgument} rewraps every method of a service: its
 * request marshaller catches the failure and hands it on as a value, and the call is then closed
 * with {@code INVALID_ARGUMENT} before the handler sees it. Use it for every API adapter alike
 * (BlazeBinary native, wrapped, Protobuf), so that all pay the same small per-call cost. Given a
 * {@link MessageGate}, it also parses each request message only once the gate has made room for it,
 * which is how a server bounds the bytes of requests it holds at once.
 *
 * <pre>{@code
 * server.addService(ParseFailures.reportAsInvalidArgument(BugServiceGrpc.bindService(impl)));
 * }</pre>
 */
public final class ParseFailures {

  private ParseFailures() {}

  /**
   * Room for request messages before they are parsed: what lets a server bound the bytes of
   * requests it holds at once, across calls and connections (a message's own size limit bounds one
   * message only). {@link #reportAsInvalidArgument(ServerServiceDefinition, MessageGate)} asks it
   * for each request message and returns the room when the message is done with: after the handler
   * has taken it in a streaming call, when the call ends in a call of one request.
   */
  public interface MessageGate {

    /** Lets every message through. */
    MessageGate OPEN =
        new MessageGate() {
          @Override
          public long reserve(int bytes) {
            return 0;
          }

          @Override
          public void release(long reserved) {}
        };

    /**
     * Reserves room for a message of {@code bytes} bytes ({@code -1} when its length is not known
     * before it is read: a compressed message) and returns what was reserved.
     *
     * @throws StatusException to refuse the message: the call is closed with its status, the
     *     message unparsed
     */
    long reserve(int bytes) throws StatusException;

    /** Returns what {@link #reserve} reserved. */
    void release(long reserved);
  }

  /** The same service, reporting unparseable requests as INVALID_ARGUMENT. */
  public static ServerServiceDefinition reportAsInvalidArgument(ServerServiceDefinition service) {
    return reportAsInvalidArgument(service, MessageGate.OPEN);
  }

  /**
   * The same service, reporting unparseable requests as INVALID_ARGUMENT, and parsing each request
   * message only once {@code gate} has made room for it.
   */
  public static ServerServiceDefinition reportAsInvalidArgument(
      ServerServiceDefinition service, MessageGate gate) {
    ServiceDescriptor original = service.getServiceDescriptor();
    List<ServerMethodDefinition<?, ?>> methods = new ArrayList<>();
    // The new descriptor keeps the original's schema (the .proto file descriptor): without it,
    // server reflection does not list the service and grpcurl cannot call it.
    ServiceDescriptor.Builder descriptor =
        ServiceDescriptor.newBuilder(original.getName())
            .setSchemaDescriptor(original.getSchemaDescriptor());
    for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
      ServerMethodDefinition<?, ?> wrapped = wrap(method, gate);
      methods.add(wrapped);
      descriptor.addMethod(wrapped.getMethodDescriptor());
    }
    ServerServiceDefinition.Builder builder = ServerServiceDefinition.builder(descriptor.build());
    for (ServerMethodDefinition<?, ?> method : methods) {
      builder.addMethod(method);
    }
    return builder.build();
  }

  /** A parsed request and the room reserved for it, or why it could not be parsed. */
  private record Parsed<T>(T value, Status failure, long reserved) {

    static <T> Parsed<T> failed(Status failure) {
      return new Parsed<>(null, failure, 0);
    }
  }

  private static <Q, R> ServerMethodDefinition<Parsed<Q>, R> wrap(
      ServerMethodDefinition<Q, R> definition, MessageGate gate) {
    MethodDescriptor<Q, R> original = definition.getMethodDescriptor();
    MethodDescriptor<Parsed<Q>, R> wrapped =
        original.toBuilder(
                deferring(original.getRequestMarshaller(), gate), original.getResponseMarshaller())
            .build();
    ServerCallHandler<Q, R> handler = definition.getServerCallHandler();
    return ServerMethodDefinition.create(
        wrapped, (call, headers) -> new CheckingListener<>(call, headers, handler, original, gate));
  }

  private static <T> Marshaller<Parsed<T>> deferring(Marshaller<T> marshaller, MessageGate gate) {
    return new Marshaller<>() {
      @Override
      public InputStream stream(Parsed<T> value) {
        return marshaller.stream(value.value());
      }

      @Override
      public Parsed<T> parse(InputStream stream) {
        long reserved;
        try {
          reserved = gate.reserve(knownLength(stream));
        } catch (StatusException e) {
          return Parsed.failed(e.getStatus());
        }
        Parsed<T> parsed = null;
        try {
          parsed = parseReserved(stream);
        } finally {
          if (parsed == null || parsed.failure() != null) {
            gate.release(reserved); // a failure, or an Error out of the parser
          }
        }
        return parsed.failure() != null ? parsed : new Parsed<>(parsed.value(), null, reserved);
      }

      private Parsed<T> parseReserved(InputStream stream) {
        try {
          return new Parsed<>(marshaller.parse(stream), null, 0);
        } catch (StatusRuntimeException e) {
          Status status = e.getStatus();
          if (status.getCode() == Status.Code.INVALID_ARGUMENT) {
            return Parsed.failed(status);
          }
          // protobuf's marshaller says INTERNAL "Invalid protobuf byte sequence"; for the
          // client it is a malformed request.
          String cause = status.getCause() == null ? "" : ": " + status.getCause().getMessage();
          return Parsed.failed(
              Status.INVALID_ARGUMENT
                  .withDescription("malformed request: " + status.getDescription() + cause)
                  .withCause(e));
        } catch (RuntimeException e) {
          return Parsed.failed(
              Status.INVALID_ARGUMENT
                  .withDescription("malformed request: " + e.getMessage())
                  .withCause(e));
        }
      }
    };
  }

  /**
   * A message's length when its stream knows it before it is read (grpc-java's do, unless the
   * message is compressed), else -1.
   */
  private static int knownLength(InputStream stream) {
    if (!(stream instanceof KnownLength)) {
      return -1;
    }
    try {
      return stream.available();
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * Passes parsed messages on; closes the call on the first message that did not parse or was
   * refused room; returns the room of the messages passed on (see {@link MessageGate}).
   */
  private static final class CheckingListener<Q, R> extends ServerCall.Listener<Parsed<Q>> {
    private final ServerCall<Parsed<Q>, R> call;
    private final ServerCall.Listener<Q> delegate;
    private final MessageGate gate;

    /** A call of one request holds its room until it ends: the handler works on it till then. */
    private final boolean holdsUntilEnd;

    private boolean closed;
    private long held;

    CheckingListener(
        ServerCall<Parsed<Q>, R> call,
        Metadata headers,
        ServerCallHandler<Q, R> handler,
        MethodDescriptor<Q, R> method,
        MessageGate gate) {
      this.call = call;
      this.gate = gate;
      this.holdsUntilEnd = method.getType().clientSendsOneMessage();
      this.delegate = handler.startCall(new UnwrappedCall<>(call, method), headers);
    }

    @Override
    public void onMessage(Parsed<Q> message) {
      if (closed) {
        gate.release(message.reserved());
        return;
      }
      if (message.failure() != null) {
        closed = true;
        call.close(message.failure(), new Metadata());
        return;
      }
      if (holdsUntilEnd) {
        held += message.reserved();
        delegate.onMessage(message.value());
      } else {
        try {
          delegate.onMessage(message.value());
        } finally {
          gate.release(message.reserved());
        }
      }
    }

    @Override
    public void onHalfClose() {
      if (!closed) {
        delegate.onHalfClose();
      }
    }

    @Override
    public void onCancel() {
      releaseHeld();
      delegate.onCancel();
    }

    @Override
    public void onComplete() {
      releaseHeld();
      delegate.onComplete();
    }

    @Override
    public void onReady() {
      if (!closed) {
        delegate.onReady();
      }
    }

    private void releaseHeld() {
      gate.release(held);
      held = 0;
    }
  }

  /** The call as the original handler expects it: same call, original request type. */
  private static final class UnwrappedCall<Q, R> extends ServerCall<Q, R> {
    private final ServerCall<Parsed<Q>, R> call;
    private final MethodDescriptor<Q, R> method;

    UnwrappedCall(ServerCall<Parsed<Q>, R> call, MethodDescriptor<Q, R> method) {
      this.call = call;
      this.method = method;
    }

    @Override
    public void request(int numMessages) {
      call.request(numMessages);
    }

    @Override
    public void sendHeaders(Metadata headers) {
      call.sendHeaders(headers);
    }

    @Override
    public void sendMessage(R message) {
      call.sendMessage(message);
    }

    @Override
    public boolean isReady() {
      return call.isReady();
    }

    @Override
    public void close(Status status, Metadata trailers) {
      call.close(status, trailers);
    }

    @Override
    public boolean isCancelled() {
      return call.isCancelled();
    }

    @Override
    public void setMessageCompression(boolean enabled) {
      call.setMessageCompression(enabled);
    }

    @Override
    public void setCompression(String compressor) {
      call.setCompression(compressor);
    }

    @Override
    public void setOnReadyThreshold(int numBytes) {
      call.setOnReadyThreshold(numBytes);
    }

    @Override
    public SecurityLevel getSecurityLevel() {
      return call.getSecurityLevel();
    }

    @Override
    public Attributes getAttributes() {
      return call.getAttributes();
    }

    @Override
    public String getAuthority() {
      return call.getAuthority();
    }

    @Override
    public MethodDescriptor<Q, R> getMethodDescriptor() {
      return method;
    }
  }
}

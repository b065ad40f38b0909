package dev.blazebench.server.grpc;

import dev.blazebench.protocol.ParseFailures;
import dev.blazebench.protocol.ParseFailures.MessageGate;
import dev.blazebench.protocol.bugs.BugServiceGrpc;
import dev.blazebench.protocol.grpc.BlazeDBServiceGrpc;
import dev.blazebench.protocol.nativegrpc.BlazeNativeMethods;
import dev.blazebench.server.core.BlazeDatabase;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;

/**
 * The gRPC API adapters over one {@link BlazeDatabase}, ready to add to a server:
 *
 * <ul>
 *   <li>{@link #blazeWrapped}: {@value #BLAZE_WRAPPED_SERVICE}, BlazeBinary in protobuf {@code
 *       bytes};
 *   <li>{@link #blazeNative}: {@value #BLAZE_NATIVE_SERVICE}, messages that are BlazeBinary;
 *   <li>{@link #protobuf}: {@value #PROTOBUF_SERVICE}, typed Protobuf bug messages.
 * </ul>
 *
 * Each reports a request message it cannot parse as {@code INVALID_ARGUMENT} with the parser's
 * message ({@link ParseFailures}), and any other failure with the status {@link
 * dev.blazebench.server.core.ApiErrors} gives it, the same on every API. They share no state but
 * the database: no API has a cache the others lack.
 *
 * <pre>{@code
 * Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 50051))
 *     .addService(GrpcApis.blazeWrapped(database))
 *     .addService(GrpcApis.blazeNative(database))
 *     .addService(GrpcApis.protobuf(database))
 *     .build().start();
 * }</pre>
 */
public final class GrpcApis {

  public static final String BLAZE_WRAPPED_SERVICE = BlazeDBServiceGrpc.SERVICE_NAME;
  public static final String BLAZE_NATIVE_SERVICE = BlazeNativeMethods.SERVICE_NAME;
  public static final String PROTOBUF_SERVICE = BugServiceGrpc.SERVICE_NAME;

  private GrpcApis() {}

  /** {@code blazedb.v1.BlazeDBService}. */
  public static ServerServiceDefinition blazeWrapped(BlazeDatabase database) {
    return blazeWrapped(database, MessageGate.OPEN);
  }

  /** {@code blazedb.v1.BlazeDBService}, each request parsed once {@code gate} has room for it. */
  public static ServerServiceDefinition blazeWrapped(BlazeDatabase database, MessageGate gate) {
    return ParseFailures.reportAsInvalidArgument(
        new BlazeDbGrpcService(database).bindService(), gate);
  }

  /** {@code blazedb.v1.BlazeDBNative} (its binding checks parse failures and headers itself). */
  public static ServerServiceDefinition blazeNative(BlazeDatabase database) {
    return blazeNative(database, MessageGate.OPEN);
  }

  /** {@code blazedb.v1.BlazeDBNative}, each request parsed once {@code gate} has room for it. */
  public static ServerServiceDefinition blazeNative(BlazeDatabase database, MessageGate gate) {
    return BlazeNativeHandlers.service(database, gate);
  }

  /** {@code bugs.v1.BugService}, serving collection {@code bugs} by default. */
  public static ServerServiceDefinition protobuf(BlazeDatabase database) {
    return protobuf(database, MessageGate.OPEN);
  }

  /** {@code bugs.v1.BugService}, each request parsed once {@code gate} has room for it. */
  public static ServerServiceDefinition protobuf(BlazeDatabase database, MessageGate gate) {
    return ServerInterceptors.intercept(
        ParseFailures.reportAsInvalidArgument(new BugGrpcService(database).bindService(), gate),
        new BugCollection());
  }
}

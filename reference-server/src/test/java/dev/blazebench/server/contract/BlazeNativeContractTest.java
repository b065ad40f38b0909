package dev.blazebench.server.contract;

import dev.blazebench.protocol.client.BlazeClient;
import dev.blazebench.protocol.client.BlazeNativeClient;

/** The contract on gRPC {@code blazedb.v1.BlazeDBNative}: messages that are BlazeBinary. */
class BlazeNativeContractTest extends AbstractApiContractTest {

  @Override
  protected BlazeClient connect(ContractServers servers) {
    return BlazeNativeClient.forTarget(servers.grpcTarget());
  }
}

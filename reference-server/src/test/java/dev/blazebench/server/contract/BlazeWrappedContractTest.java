package dev.blazebench.server.contract;

import dev.blazebench.protocol.client.BlazeClient;
import dev.blazebench.protocol.client.BlazeGrpcClient;

/** The contract on gRPC {@code blazedb.v1.BlazeDBService}: BlazeBinary in protobuf bytes. */
class BlazeWrappedContractTest extends AbstractApiContractTest {

  @Override
  protected BlazeClient connect(ContractServers servers) {
    return BlazeGrpcClient.forTarget(servers.grpcTarget());
  }
}

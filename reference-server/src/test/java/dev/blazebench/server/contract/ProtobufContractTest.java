package dev.blazebench.server.contract;

import dev.blazebench.protocol.client.BlazeClient;
import dev.blazebench.protocol.client.ProtoBugClient;

/**
 * The contract on gRPC {@code bugs.v1.BugService}: typed Protobuf bug messages. It carries only a
 * bug's fields and types, so the cases that need other fields are skipped, with that reason.
 */
class ProtobufContractTest extends AbstractApiContractTest {

  @Override
  protected BlazeClient connect(ContractServers servers) {
    return ProtoBugClient.forTarget(servers.grpcTarget());
  }

  @Override
  protected boolean expressesAnyRecord() {
    return false;
  }
}

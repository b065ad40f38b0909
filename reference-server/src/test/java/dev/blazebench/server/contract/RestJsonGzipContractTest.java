package dev.blazebench.server.contract;

import dev.blazebench.protocol.client.BlazeClient;
import dev.blazebench.protocol.client.RestJsonClient;

/** The contract on REST/JSON over HTTP/1.1 with gzip-compressed responses. */
class RestJsonGzipContractTest extends AbstractApiContractTest {

  @Override
  protected BlazeClient connect(ContractServers servers) {
    return RestJsonClient.builder(servers.httpUri()).gzip(true).build();
  }
}

package dev.blazebench.server.contract;

import dev.blazebench.protocol.client.BlazeClient;
import dev.blazebench.protocol.client.RestJsonClient;
import java.net.http.HttpClient;

/** The contract on REST/JSON over HTTP/2 cleartext (h2c, upgraded from HTTP/1.1). */
class RestJsonH2cContractTest extends AbstractApiContractTest {

  @Override
  protected BlazeClient connect(ContractServers servers) {
    return RestJsonClient.builder(servers.httpUri()).httpVersion(HttpClient.Version.HTTP_2).build();
  }
}

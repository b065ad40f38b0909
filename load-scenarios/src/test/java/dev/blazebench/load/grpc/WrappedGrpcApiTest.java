package dev.blazebench.load.grpc;

import dev.blazebench.load.api.LoadClientContractTest;

class WrappedGrpcApiTest extends LoadClientContractTest {

  @Override
  protected String api() {
    return "grpc-blazebinary";
  }

  @Override
  protected String scheme() {
    return "blaze";
  }

  @Override
  protected int notFoundStatus() {
    return 5; // gRPC NOT_FOUND
  }
}

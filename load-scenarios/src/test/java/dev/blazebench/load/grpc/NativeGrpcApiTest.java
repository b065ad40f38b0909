package dev.blazebench.load.grpc;

import dev.blazebench.load.api.LoadClientContractTest;

class NativeGrpcApiTest extends LoadClientContractTest {

  @Override
  protected String api() {
    return "grpc-native";
  }

  @Override
  protected String scheme() {
    return "blaze-native";
  }

  @Override
  protected int notFoundStatus() {
    return 5; // gRPC NOT_FOUND
  }
}

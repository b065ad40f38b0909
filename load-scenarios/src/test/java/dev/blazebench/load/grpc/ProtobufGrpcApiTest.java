package dev.blazebench.load.grpc;

import dev.blazebench.load.api.LoadClientContractTest;

class ProtobufGrpcApiTest extends LoadClientContractTest {

  @Override
  protected String api() {
    return "grpc-protobuf";
  }

  @Override
  protected String scheme() {
    return "proto";
  }

  @Override
  protected int notFoundStatus() {
    return 5; // gRPC NOT_FOUND
  }
}

package dev.blazebench.load.rest;

import dev.blazebench.load.api.LoadClientContractTest;

class RestJsonGzipApiTest extends LoadClientContractTest {

  @Override
  protected String api() {
    return "rest-json-gzip";
  }

  @Override
  protected String scheme() {
    return "rest+gzip";
  }

  @Override
  protected boolean compressesAnswers() {
    return true;
  }

  @Override
  protected int notFoundStatus() {
    return 404;
  }
}

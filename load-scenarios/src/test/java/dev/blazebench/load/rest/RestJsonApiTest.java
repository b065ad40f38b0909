package dev.blazebench.load.rest;

import dev.blazebench.load.api.LoadClientContractTest;

class RestJsonApiTest extends LoadClientContractTest {

  @Override
  protected String api() {
    return "rest-json";
  }

  @Override
  protected String scheme() {
    return "rest";
  }

  @Override
  protected int notFoundStatus() {
    return 404;
  }
}

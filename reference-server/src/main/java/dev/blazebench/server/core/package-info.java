/**
 * What every API adapter shares: {@link dev.blazebench.server.core.BlazeDatabase}, the façade over
 * the store and the query engine, and {@link dev.blazebench.server.core.ApiErrors}, the one mapping
 * from failures to API error codes. Adapters (gRPC, REST) depend on this package, never on each
 * other.
 */
package dev.blazebench.server.core;

package dev.blazebench.load.results;

/**
 * Bytes the API client's TCP connections carried over the measured part and drain, counted at the
 * socket (see RESULTS.md, "Wire bytes").
 *
 * @param sentBytes written to the connections
 * @param receivedBytes read from them
 * @param method how they were counted ("netty-socket-handler", ...)
 */
public record WireBytes(long sentBytes, long receivedBytes, String method) {}

package dev.blazebench.load.results;

/**
 * Bytes of one operation type. Payload bytes are the encoded messages of successful calls; wire
 * bytes are the scenario's socket bytes shared over all its calls (exact per operation when the
 * scenario has one operation).
 *
 * @param payloadSent request payload bytes, all successes
 * @param payloadReceived answer payload bytes, all successes
 * @param payloadSentPerOp per success; null if none
 * @param payloadReceivedPerOp per success; null if none
 * @param wireSentPerCall socket bytes written per call of the scenario; null if not counted
 * @param wireReceivedPerCall socket bytes read per call of the scenario; null if not counted
 */
public record ByteCounts(
    long payloadSent,
    long payloadReceived,
    Double payloadSentPerOp,
    Double payloadReceivedPerOp,
    Double wireSentPerCall,
    Double wireReceivedPerCall) {}

package dev.blazebench.protocol.nativegrpc;

/**
 * What a {@code BlazeDBNative} handler learns from a call's headers ({@link NativeHeaders}).
 *
 * @param collection the collection the call is for (decoded, never empty)
 * @param returnRecord true when {@code blazedb-return: record} asks for stored records back
 * @param batchSize records per StreamQuery batch: the header's value, or {@link
 *     NativeHeaders#DEFAULT_BATCH_SIZE}
 */
public record NativeCall(String collection, boolean returnRecord, int batchSize) {}

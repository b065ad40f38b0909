/**
 * BlazeBinary, BlazeDB's record format, byte-compatible with BlazeDB (see BLAZEBINARY.md): the
 * value model ({@link dev.blazebench.binary.BlazeValue}, {@link dev.blazebench.binary.BlazeRecord},
 * {@link dev.blazebench.binary.BlazeOperation}), the record encoder and decoder for format v1 and
 * v2 (CRC-32), the sync-operation codec and the sequence framing for batches. No dependencies.
 *
 * <pre>{@code
 * BlazeRecord bug = BlazeRecord.builder()
 *     .put("title", BlazeValue.string("Fix login bug"))
 *     .put("priority", BlazeValue.integer(5))
 *     .build();
 * byte[] bytes = BlazeBinaryEncoder.encode(bug, FormatVersion.V1);
 * BlazeRecord back = BlazeBinaryDecoder.withDefaults().decode(bytes);
 *
 * byte[] batch = BlazeSequences.encodeRecords(List.of(bug, back), FormatVersion.V2);
 * List<BlazeRecord> records = BlazeSequences.decodeRecords(batch);
 * }</pre>
 *
 * <p>For a Java record or bean, {@link dev.blazebench.binary.BlazeBinaryMapper} writes the same
 * bytes straight from the object and reads them straight into a new one, without the {@code
 * BlazeRecord} in between:
 *
 * <pre>{@code
 * BlazeBinaryMapper<Bug> bugs = BlazeBinaryMapper.of(Bug.class);   // once; thread-safe
 * byte[] bytes = bugs.encode(someBug, FormatVersion.V1);
 * Bug again = bugs.decode(bytes);
 * }</pre>
 *
 * <p>Errors: encoders throw {@link dev.blazebench.binary.BlazeEncodingException} (an {@code
 * IllegalArgumentException}) for values the format cannot hold, leaving any output buffer
 * unchanged; decoders throw only {@link dev.blazebench.binary.BlazeBinaryException}, with the byte
 * offset of the problem, for any malformed input.
 */
package dev.blazebench.binary;

package dev.blazebench.binary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a {@link GeneratedCodec} writes a record's fields with: one call per field, by its index in
 * {@link GeneratedCodec#fieldNames()}, writing its key and value exactly as the run-time binding
 * does (the same code). Made by {@link BlazeBinaryMapper}; not for other use.
 */
public final class RecordWriter {

  private final TypedField[] fields;
  private final GrowableBuffer out;

  RecordWriter(TypedField[] fields, GrowableBuffer out) {
    this.fields = fields;
    this.out = out;
  }

  /** A String field's value (not null). */
  public void string(int field, String value) {
    TypedWriter.writeStringField(fields[field], value, out);
  }

  /** An int or long field's value. */
  public void integer(int field, long value) {
    TypedWriter.writePrimitiveField(fields[field], value, out);
  }

  /** A double field's value. */
  public void float64(int field, double value) {
    TypedWriter.writePrimitiveField(fields[field], Double.doubleToRawLongBits(value), out);
  }

  /** A boolean field's value. */
  public void bool(int field, boolean value) {
    TypedWriter.writePrimitiveField(fields[field], value ? 1 : 0, out);
  }

  /** A UUID field's value (not null). */
  public void uuid(int field, UUID value) {
    TypedWriter.writeUuidField(fields[field], value, out);
  }

  /** An Instant field's value (not null). */
  public void date(int field, Instant value) {
    TypedWriter.writeInstantField(fields[field], value, out);
  }

  /** A {@code List<String>} field's value (not null; a null item is refused, naming the field). */
  public void stringList(int field, List<String> value) {
    TypedWriter.writeStringListField(fields[field], value, out);
  }
}

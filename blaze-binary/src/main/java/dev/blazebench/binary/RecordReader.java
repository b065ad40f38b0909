package dev.blazebench.binary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a {@link GeneratedCodec} reads a record's fields with: {@link #key} says whether the next
 * field is field {@code i}, written as this binding writes it, and moves past its key if so; the
 * value reads then check and decode it exactly as the run-time binding does (the same code, the
 * same errors). Reference reads return null for a null value. Made by {@link BlazeBinaryMapper};
 * not for other use.
 */
public final class RecordReader {

  private final Class<?> type;
  private final TypedField[] fields;
  private WireReader in;
  private int recordStart;

  RecordReader(Class<?> type, TypedField[] fields) {
    this.type = type;
    this.fields = fields;
  }

  void readFrom(WireReader in, int recordStart) {
    this.in = in;
    this.recordStart = recordStart;
  }

  /** True, past its key, when the next bytes are field {@code field}'s key; else reads nothing. */
  public boolean key(int field) {
    return TypedReader.skipKeyIfWrittenAs(in, fields[field]);
  }

  public String string(int field) {
    return TypedReader.readString(in, fields[field]);
  }

  public int int32(int field) {
    return (int) TypedReader.readInteger(in, fields[field]);
  }

  public Integer int32OrNull(int field) {
    return TypedReader.boxedInt(in, fields[field]);
  }

  public long int64(int field) {
    return TypedReader.readInteger(in, fields[field]);
  }

  public Long int64OrNull(int field) {
    return TypedReader.isNull(in) ? null : TypedReader.readInteger(in, fields[field]);
  }

  public double float64(int field) {
    return TypedReader.readDouble(in, fields[field]);
  }

  public Double float64OrNull(int field) {
    return TypedReader.isNull(in) ? null : TypedReader.readDouble(in, fields[field]);
  }

  public boolean bool(int field) {
    return TypedReader.readBool(in, fields[field]);
  }

  public Boolean boolOrNull(int field) {
    return TypedReader.isNull(in) ? null : TypedReader.readBool(in, fields[field]);
  }

  public UUID uuid(int field) {
    return TypedReader.readUuid(in, fields[field]);
  }

  public Instant date(int field) {
    return TypedReader.readInstant(in, fields[field]);
  }

  public List<String> stringList(int field) {
    return TypedReader.readStringList(in, fields[field]);
  }

  /**
   * The error for a constructor or setter that threw while the instance was made from the values
   * read, as the run-time binding reports it.
   */
  public BlazeBinaryException cannotCreate(RuntimeException e) {
    return TypedReader.cannotCreate(in, type, e, recordStart);
  }
}

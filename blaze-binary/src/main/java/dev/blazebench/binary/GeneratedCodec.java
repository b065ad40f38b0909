package dev.blazebench.binary;

import java.util.List;

/**
 * The code {@code blaze-binary-processor} writes for a class annotated {@link GenerateCodec}, named
 * {@code <Class>_BlazeBinaryCodec} in the class's package (a nested class's enclosing names joined
 * by {@code _}). Not meant to be written by hand: {@link BlazeBinaryMapper#of} finds it, checks
 * that its fields are the ones it binds by reflection, in the same key order, and calls it for the
 * records it can read in one pass; everything else (fields out of order, missing, unknown) goes
 * through the general path, so both paths give the same results and the same errors.
 *
 * @param <T> the annotated class
 */
public interface GeneratedCodec<T> {

  /** The class's fields in key order: field {@code i} of {@link RecordWriter} and reader calls. */
  List<String> fieldNames();

  /**
   * Writes {@code value}'s fields after the record header; returns how many (nulls are left out).
   */
  int write(T value, RecordWriter out);

  /**
   * Reads a record whose fields are exactly the class's, in key order, each key as written; returns
   * null at the first key that is not, having read nothing the caller must undo (it rereads the
   * record from its first field).
   */
  T read(RecordReader in);
}

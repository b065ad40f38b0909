package dev.blazebench.binary;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A reusable, growable byte output buffer for the encoders: big-endian puts, no synchronisation.
 * Reuse one per thread and {@link #reset()} it between messages to avoid allocating.
 *
 * <pre>{@code
 * GrowableBuffer out = new GrowableBuffer(4096);
 * for (BlazeRecord record : records) {
 *   out.reset();
 *   BlazeBinaryEncoder.encode(record, FormatVersion.V1, out);
 *   send(out.array(), 0, out.size());
 * }
 * }</pre>
 */
public final class GrowableBuffer {

  private static final VarHandle SHORT_BE =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT_BE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  /** Largest array the JVM reliably allocates. */
  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

  private byte[] bytes;
  private int size;

  /** An empty buffer that first holds {@code initialCapacity} bytes before growing. */
  public GrowableBuffer(int initialCapacity) {
    if (initialCapacity < 0) {
      throw new IllegalArgumentException(
          "initialCapacity must not be negative, was " + initialCapacity);
    }
    bytes = new byte[initialCapacity];
  }

  /** Empties the buffer, keeping its capacity. */
  public void reset() {
    size = 0;
  }

  /** Bytes written so far. */
  public int size() {
    return size;
  }

  /** The backing array, valid from 0 up to {@link #size()}; replaced when the buffer grows. */
  public byte[] array() {
    return bytes;
  }

  /** A copy of the bytes written. */
  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  /**
   * The bytes written, as the backing array itself when they fill it exactly, else a copy. For
   * encoders in this package that made this buffer for one message: the buffer must not be used
   * afterwards.
   */
  byte[] detachBytes() {
    return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
  }

  /**
   * Makes room for {@code count} more bytes, so that {@link #array()} can be written directly.
   *
   * @throws BlazeEncodingException when the buffer would exceed the largest Java array
   */
  public void ensureRemaining(int count) {
    if (count > bytes.length - size) {
      grow(count);
    }
  }

  /** As {@link #ensureRemaining(int)}, for a size computed in {@code long} arithmetic. */
  void ensureRemaining(long count) {
    if (count > MAX_CAPACITY - size) {
      throw new BlazeEncodingException(
          "output would exceed " + MAX_CAPACITY + " bytes (" + size + " + " + count + ")");
    }
    ensureRemaining((int) count);
  }

  private void grow(int count) {
    long needed = (long) size + count;
    if (count < 0 || needed > MAX_CAPACITY) {
      throw new BlazeEncodingException(
          "output would exceed " + MAX_CAPACITY + " bytes (" + size + " + " + count + ")");
    }
    long doubled = Math.max((long) bytes.length * 2, 64);
    bytes = Arrays.copyOf(bytes, (int) Math.min(Math.max(doubled, needed), MAX_CAPACITY));
  }

  /** Drops every byte after the first {@code newSize}; used to undo a partial write. */
  public void truncate(int newSize) {
    if (newSize < 0 || newSize > size) {
      throw new IllegalArgumentException("newSize must be in [0, " + size + "], was " + newSize);
    }
    size = newSize;
  }

  public void putByte(int b) {
    ensureRemaining(1);
    bytes[size++] = (byte) b;
  }

  /** Writes the low 16 bits of {@code value}, big-endian. */
  public void putShort(int value) {
    ensureRemaining(2);
    SHORT_BE.set(bytes, size, (short) value);
    size += 2;
  }

  /** Writes {@code value} big-endian. */
  public void putInt(int value) {
    ensureRemaining(4);
    INT_BE.set(bytes, size, value);
    size += 4;
  }

  /** Writes {@code value} big-endian. */
  public void putLong(long value) {
    ensureRemaining(8);
    LONG_BE.set(bytes, size, value);
    size += 8;
  }

  /** A one-byte tag and one byte: one capacity check for both. */
  void putTagAndByte(int tag, int b) {
    ensureRemaining(2);
    bytes[size] = (byte) tag;
    bytes[size + 1] = (byte) b;
    size += 2;
  }

  /** A one-byte tag and a big-endian long: one capacity check for both. */
  void putTagAndLong(int tag, long value) {
    ensureRemaining(9);
    bytes[size] = (byte) tag;
    LONG_BE.set(bytes, size + 1, value);
    size += 9;
  }

  /** A one-byte tag and two big-endian longs (a UUID): one capacity check for all. */
  void putTagAndLongs(int tag, long first, long second) {
    ensureRemaining(17);
    bytes[size] = (byte) tag;
    LONG_BE.set(bytes, size + 1, first);
    LONG_BE.set(bytes, size + 9, second);
    size += 17;
  }

  public void putBytes(byte[] source) {
    putBytes(source, 0, source.length);
  }

  public void putBytes(byte[] source, int offset, int length) {
    ensureRemaining(length);
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
  }

  /** Overwrites 4 bytes at {@code position} (already written) with {@code value}, big-endian. */
  public void setInt(int position, int value) {
    if (position < 0 || position > size - 4) {
      throw new IndexOutOfBoundsException("position " + position + " of " + size);
    }
    INT_BE.set(bytes, position, value);
  }

  /**
   * Moves the end to {@code newSize}, which may be past bytes written straight into {@link
   * #array()} after {@link #ensureRemaining(int)}; for encoders in this package.
   */
  void setSize(int newSize) {
    if (newSize < 0 || newSize > bytes.length) {
      throw new IndexOutOfBoundsException("size " + newSize + " of capacity " + bytes.length);
    }
    size = newSize;
  }
}

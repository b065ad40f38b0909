package dev.blazebench.binary;

/** What a {@link BlazeOperation} does; the wire byte is BlazeDB's. */
public enum OperationType {
  INSERT(1),
  UPDATE(2),
  DELETE(3),
  CREATE_INDEX(4),
  DROP_INDEX(5);

  private static final OperationType[] BY_WIRE_BYTE = {
    null, INSERT, UPDATE, DELETE, CREATE_INDEX, DROP_INDEX
  };

  private final int wireByte;

  OperationType(int wireByte) {
    this.wireByte = wireByte;
  }

  /** The byte written for this type. */
  public int wireByte() {
    return wireByte;
  }

  /** The type written as {@code b}, or null when {@code b} names none. */
  public static OperationType fromWireByteOrNull(int b) {
    return b >= 1 && b < BY_WIRE_BYTE.length ? BY_WIRE_BYTE[b] : null;
  }
}

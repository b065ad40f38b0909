package dev.blazebench.binary;

/** Which side of a sync an operation came from; the wire byte is BlazeDB's. */
public enum OperationRole {
  NONE(0),
  SERVER(1),
  CLIENT(2);

  private static final OperationRole[] BY_WIRE_BYTE = {NONE, SERVER, CLIENT};

  private final int wireByte;

  OperationRole(int wireByte) {
    this.wireByte = wireByte;
  }

  /** The byte written for this role. */
  public int wireByte() {
    return wireByte;
  }

  /** The role written as {@code b}, or null when {@code b} names none. */
  public static OperationRole fromWireByteOrNull(int b) {
    return b >= 0 && b < BY_WIRE_BYTE.length ? BY_WIRE_BYTE[b] : null;
  }
}

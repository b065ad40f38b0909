package dev.blazebench.binary;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes and reads one {@link BlazeOperation} in BlazeDB's sync layout: id (16) · Lamport counter
 * (u64 BE) · Lamport node id (16) · node id (16) · type (u8) · collection (u8 length + UTF-8) ·
 * record id (16) · changes (u32 BE length + a whole BlazeBinary record, v1 or v2) · dependencies
 * (u8 count + 16 each) · role (u8) · nonce (16) · expiresAt (double bits, seconds since 1970) ·
 * signature (00, or 01 + 32 bytes).
 *
 * <p>The encoder refuses, with a {@link BlazeEncodingException} and the buffer unchanged, what
 * BlazeDB would trap on or write undecodably: a collection name over 255 UTF-8 bytes, more than 255
 * dependencies, a nonce that is not 16 bytes, a signature that is not 32, and whatever the record
 * encoder refuses in the changes.
 *
 * <p>The decoder is strict where BlazeDB's is lax: an unknown role or signature flag byte, invalid
 * UTF-8 in the collection name (BlazeDB reads it as ""), bytes after the signature, and a changes
 * record with bytes after its last field are all errors.
 */
public final class BlazeOperationCodec {

  /** Most UTF-8 bytes a collection name can have (a u8 length). */
  public static final int MAX_COLLECTION_BYTES = 255;

  /** Most dependencies an operation can have (a u8 count). */
  public static final int MAX_DEPENDENCIES = 255;

  private static final int SIGNATURE_ABSENT = 0x00;
  private static final int SIGNATURE_PRESENT = 0x01;

  private BlazeOperationCodec() {}

  /** The operation's bytes. */
  public static byte[] encode(BlazeOperation op) {
    GrowableBuffer out = new GrowableBuffer(160 + BlazeBinaryEncoder.estimateBytes(op.changes()));
    encode(op, out);
    return out.toByteArray();
  }

  /** Appends the operation's bytes to {@code out}; on refusal {@code out} is unchanged. */
  public static void encode(BlazeOperation op, GrowableBuffer out) {
    int start = out.size();
    try {
      write(op, out);
    } catch (BlazeEncodingException e) {
      out.truncate(start);
      throw e;
    }
  }

  /** Writes without undoing a partial write; callers roll back. */
  static void write(BlazeOperation op, GrowableBuffer out) {
    byte[] nonce = op.unsafeNonce();
    if (nonce.length != BlazeOperation.NONCE_BYTES) {
      throw new BlazeEncodingException(
          "operation nonce is "
              + nonce.length
              + " bytes; the format holds exactly "
              + BlazeOperation.NONCE_BYTES);
    }
    byte[] signature = op.unsafeSignature();
    if (signature != null && signature.length != BlazeOperation.SIGNATURE_BYTES) {
      throw new BlazeEncodingException(
          "operation signature is "
              + signature.length
              + " bytes; the format holds none or exactly "
              + BlazeOperation.SIGNATURE_BYTES);
    }
    List<UUID> dependencies = op.dependencies();
    if (dependencies.size() > MAX_DEPENDENCIES) {
      throw new BlazeEncodingException(
          "operation has "
              + dependencies.size()
              + " dependencies; the format holds at most "
              + MAX_DEPENDENCIES);
    }
    BlazeBinaryEncoder.writeUuid(op.id(), out);
    out.putLong(op.lamportCounter());
    BlazeBinaryEncoder.writeUuid(op.lamportNodeId(), out);
    BlazeBinaryEncoder.writeUuid(op.nodeId(), out);
    out.putByte(op.type().wireByte());
    BlazeBinaryEncoder.writeTinyUtf8(
        op.collection(), out, MAX_COLLECTION_BYTES, "operation collection name");
    BlazeBinaryEncoder.writeUuid(op.recordId(), out);
    int lengthAt = out.size();
    out.putInt(0);
    BlazeBinaryEncoder.writeRecord(
        op.changes(), op.changesVersion(), out, BlazeBinaryEncoder.DEFAULT_MAX_DEPTH);
    out.setInt(lengthAt, out.size() - lengthAt - 4);
    out.putByte(dependencies.size());
    for (UUID dependency : dependencies) {
      BlazeBinaryEncoder.writeUuid(dependency, out);
    }
    out.putByte(op.role().wireByte());
    out.putBytes(nonce);
    out.putLong(op.expiresAtBits());
    if (signature == null) {
      out.putByte(SIGNATURE_ABSENT);
    } else {
      out.putByte(SIGNATURE_PRESENT);
      out.putBytes(signature);
    }
  }

  /** Decodes {@code bytes}, which must hold exactly one operation, with default limits. */
  public static BlazeOperation decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length, BlazeBinaryDecoder.withDefaults());
  }

  /** Decodes exactly one operation from {@code bytes[offset, offset + length)}. */
  public static BlazeOperation decode(byte[] bytes, int offset, int length) {
    return decode(bytes, offset, length, BlazeBinaryDecoder.withDefaults());
  }

  /** As {@link #decode(byte[], int, int)}, with {@code decoder}'s limits. */
  public static BlazeOperation decode(
      byte[] bytes, int offset, int length, BlazeBinaryDecoder decoder) {
    WireReader reader = decoder.reader(bytes, offset, length);
    return readExactly(reader);
  }

  /**
   * Decodes exactly one operation from {@code buffer}'s position to its limit, without copying; the
   * buffer's position, limit and order are not changed.
   */
  public static BlazeOperation decode(ByteBuffer buffer, BlazeBinaryDecoder decoder) {
    return readExactly(decoder.reader(buffer));
  }

  private static BlazeOperation readExactly(WireReader reader) {
    BlazeOperation op = read(reader);
    if (reader.pos != reader.end) {
      throw reader.fail(
          "trailing bytes: " + (reader.end - reader.pos) + " bytes after the operation",
          reader.pos);
    }
    return op;
  }

  /** Reads one operation at the reader's position, ending no later than its end. */
  static BlazeOperation read(WireReader in) {
    UUID id = in.readUuid("operation id");
    long lamportCounter = in.readI64("Lamport counter");
    UUID lamportNodeId = in.readUuid("Lamport node id");
    UUID nodeId = in.readUuid("node id");
    int typeAt = in.pos;
    int typeByte = in.readU8("operation type");
    OperationType type = OperationType.fromWireByteOrNull(typeByte);
    if (type == null) {
      throw in.fail("unknown operation type " + Wire.hex(typeByte), typeAt);
    }
    int collectionLength = in.readU8("collection name length");
    String collection = in.readUtf8(collectionLength, "collection name");
    UUID recordId = in.readUuid("record id");
    long changesLength = in.readU32("changes length");
    in.require(changesLength, "changes record");
    BlazeRecord changes = in.readRecord(in.pos + (int) changesLength);
    FormatVersion changesVersion = in.lastVersion;
    int dependenciesAt = in.pos;
    int dependencyCount = in.readU8("dependency count");
    in.checkCount(dependencyCount, 16, "dependency", dependenciesAt);
    List<UUID> dependencies = new ArrayList<>(dependencyCount);
    for (int i = 0; i < dependencyCount; i++) {
      dependencies.add(in.readUuid("dependency"));
    }
    int roleAt = in.pos;
    int roleByte = in.readU8("role");
    OperationRole role = OperationRole.fromWireByteOrNull(roleByte);
    if (role == null) {
      throw in.fail("unknown operation role " + Wire.hex(roleByte), roleAt);
    }
    byte[] nonce = in.readBytes(BlazeOperation.NONCE_BYTES, "nonce");
    long expiresAtBits = in.readI64("expiresAt");
    int signatureAt = in.pos;
    int signatureFlag = in.readU8("signature flag");
    byte[] signature;
    if (signatureFlag == SIGNATURE_ABSENT) {
      signature = null;
    } else if (signatureFlag == SIGNATURE_PRESENT) {
      signature = in.readBytes(BlazeOperation.SIGNATURE_BYTES, "signature");
    } else {
      throw in.fail(
          "unknown signature flag " + Wire.hex(signatureFlag) + " (expected 0x00 or 0x01)",
          signatureAt);
    }
    return new BlazeOperation(
        id,
        lamportCounter,
        lamportNodeId,
        nodeId,
        type,
        collection,
        recordId,
        changes,
        changesVersion,
        dependencies,
        role,
        nonce,
        expiresAtBits,
        signature);
  }
}

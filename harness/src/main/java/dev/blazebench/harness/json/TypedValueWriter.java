package dev.blazebench.harness.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blazebench.binary.BlazeRecord;
import dev.blazebench.binary.BlazeValue;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Turns {@link BlazeRecord}s and {@link BlazeValue}s into typed JSON; see {@link TypedJson}. The
 * output reads back to the same value, bit for bit.
 */
final class TypedValueWriter {

  /** Swift's canonical NaN as a float32; other NaN patterns need explicit bits to survive. */
  private static final int CANONICAL_FLOAT_NAN_BITS = Float.floatToRawIntBits(Float.NaN);

  /**
   * Dates further than this from 2001 have no {@link Instant} (whose range is about ±3.1e16 s); we
   * leave {@code iso} out for them rather than fail.
   */
  private static final double MAX_ISO_SECONDS = 3.0e16;

  private TypedValueWriter() {}

  /** A JSON object of field name to typed value, in the record's key order. */
  static ObjectNode writeRecord(BlazeRecord record) {
    ObjectNode object = TypedJson.NODES.objectNode();
    for (int i = 0; i < record.size(); i++) {
      object.set(record.nameAt(i), writeValue(record.valueAt(i)));
    }
    return object;
  }

  static ObjectNode writeValue(BlazeValue value) {
    ObjectNode object = TypedJson.NODES.objectNode();
    object.put("type", value.typeName());
    if (value instanceof BlazeValue.StringValue string) {
      object.put("value", string.value());
    } else if (value instanceof BlazeValue.IntValue integer) {
      object.put("value", integer.value());
    } else if (value instanceof BlazeValue.DoubleValue number) {
      object.put("bits", JsonScalars.bitsText(number.bits()));
      object.set("value", JsonScalars.doubleNode(number.value()));
    } else if (value instanceof BlazeValue.BoolValue bool) {
      object.put("value", bool.value());
    } else if (value instanceof BlazeValue.UuidValue uuid) {
      object.put("value", JsonScalars.uuidText(uuid.value()));
    } else if (value instanceof BlazeValue.DateValue date) {
      writeDate(date, object);
    } else if (value instanceof BlazeValue.DataValue data) {
      object.put("hex", JsonScalars.hexText(data.bytes()));
    } else if (value instanceof BlazeValue.ArrayValue array) {
      ArrayNode items = object.putArray("items");
      array.items().forEach(item -> items.add(writeValue(item)));
    } else if (value instanceof BlazeValue.DictionaryValue dictionary) {
      object.set("entries", writeRecord(dictionary.entries()));
    } else if (value instanceof BlazeValue.VectorValue vector) {
      writeVector(vector, object);
    } else if (!(value instanceof BlazeValue.NullValue)) {
      throw new AssertionError("unhandled value type " + value.typeName());
    }
    return object;
  }

  private static void writeDate(BlazeValue.DateValue date, ObjectNode object) {
    object.put("bits", JsonScalars.bitsText(date.bits()));
    double seconds = date.secondsSinceReferenceDate();
    if (Double.isFinite(seconds) && Math.abs(seconds) < MAX_ISO_SECONDS) {
      try {
        object.put("iso", date.toInstant().toString());
      } catch (DateTimeException | ArithmeticException e) {
        // Just past Instant's range: the bits and seconds still say everything.
      }
    }
    object.set("sinceReferenceDate", JsonScalars.doubleNode(seconds));
  }

  /**
   * Values as numbers; {@code bits} as well only when some element is a NaN other than the
   * canonical one, the one case numbers cannot carry, so that embeddings stay readable.
   */
  private static void writeVector(BlazeValue.VectorValue vector, ObjectNode object) {
    ArrayNode values = object.putArray("values");
    boolean needsBits = false;
    for (int i = 0; i < vector.length(); i++) {
      float element = vector.get(i);
      values.add(JsonScalars.floatNode(element));
      needsBits |=
          Float.isNaN(element) && Float.floatToRawIntBits(element) != CANONICAL_FLOAT_NAN_BITS;
    }
    if (needsBits) {
      ArrayNode bits = object.putArray("bits");
      for (int i = 0; i < vector.length(); i++) {
        bits.add(JsonScalars.bitsText(Float.floatToRawIntBits(vector.get(i))));
      }
    }
  }
}

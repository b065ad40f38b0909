package dev.blazebench.binary;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable BlazeDB record: field name to {@link BlazeValue}, iterating in the format's key
 * order ({@link KeyOrder}). Also the body of a nested dictionary.
 *
 * <p>Two names that Swift treats as one key (canonically equivalent) cannot both be present:
 * building such a record fails. Names keep the exact text they were given.
 *
 * <pre>{@code
 * BlazeRecord bug = BlazeRecord.builder()
 *     .put("title", BlazeValue.string("Fix login bug"))
 *     .put("priority", BlazeValue.integer(5))
 *     .build();
 * bug.get("priority");              // IntValue[value=5]
 * bug.fields().keySet();            // [priority, title]
 * }</pre>
 */
public final class BlazeRecord {

  private static final BlazeRecord EMPTY = new BlazeRecord(new String[0], new BlazeValue[0]);

  private final String[] names; // sorted by KeyOrder
  private final BlazeValue[] values;
  private int hash;

  /**
   * The common-field id of each name (0: written in full), computed on first encode or supplied by
   * the decoder, so that encoding the same record again does no lookups. Volatile so that a racing
   * thread sees either null or the filled array.
   */
  private volatile byte[] commonFieldIds;

  private BlazeRecord(String[] names, BlazeValue[] values) {
    this.names = names;
    this.values = values;
  }

  public static BlazeRecord empty() {
    return EMPTY;
  }

  /** A record with {@code fields}' entries. Fails on a null name or value, or a duplicate key. */
  public static BlazeRecord of(Map<String, ? extends BlazeValue> fields) {
    if (fields instanceof RecordMap view) {
      return view.record();
    }
    Builder builder = new Builder(fields.size());
    fields.forEach(builder::put);
    return builder.build();
  }

  /**
   * A record over {@code names} and {@code values} as they are, without copying: for decoders in
   * this package, which have checked that the names are in strict key order (so no two are the same
   * key).
   */
  static BlazeRecord ofSortedUnchecked(String[] names, BlazeValue[] values) {
    return names.length == 0 ? EMPTY : new BlazeRecord(names, values);
  }

  /**
   * As {@link #ofSortedUnchecked(String[], BlazeValue[])}, with the names' common-field ids already
   * known ({@code ids[i]} is {@code CommonFields.idOf(names[i])}).
   */
  static BlazeRecord ofSortedUnchecked(String[] names, BlazeValue[] values, byte[] ids) {
    if (names.length == 0) {
      return EMPTY;
    }
    BlazeRecord record = new BlazeRecord(names, values);
    record.commonFieldIds = ids;
    return record;
  }

  /** The common-field id of each name in key order, 0 for names written in full. */
  byte[] commonFieldIds() {
    byte[] ids = commonFieldIds;
    if (ids == null) {
      ids = new byte[names.length];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = (byte) CommonFields.idOf(names[i]);
      }
      commonFieldIds = ids;
    }
    return ids;
  }

  public static Builder builder() {
    return new Builder(8);
  }

  /** A builder holding this record's fields, to derive a changed copy. */
  public Builder toBuilder() {
    Builder builder = new Builder(names.length + 4);
    for (int i = 0; i < names.length; i++) {
      builder.put(names[i], values[i]);
    }
    return builder;
  }

  public int size() {
    return names.length;
  }

  public boolean isEmpty() {
    return names.length == 0;
  }

  /** The value of {@code name} (an exact or canonically equivalent name), or null. */
  public BlazeValue get(String name) {
    int i = indexOf(name);
    return i < 0 ? null : values[i];
  }

  public boolean contains(String name) {
    return indexOf(name) >= 0;
  }

  /** The name at {@code index} in key order. */
  public String nameAt(int index) {
    return names[index];
  }

  /** The value at {@code index} in key order. */
  public BlazeValue valueAt(int index) {
    return values[index];
  }

  /** A read-only map view in key order. */
  public Map<String, BlazeValue> fields() {
    return new RecordMap(this);
  }

  private int indexOf(String name) {
    // Linear for small records (most are), then binary search in key order.
    if (names.length <= 8) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(name)) {
          return i;
        }
      }
      for (int i = 0; i < names.length; i++) {
        if (KeyOrder.sameKey(names[i], name)) {
          return i;
        }
      }
      return -1;
    }
    int found = Arrays.binarySearch(names, name, KeyOrder.INSTANCE);
    return found >= 0 ? found : -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlazeRecord other
        && Arrays.equals(names, other.names)
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < names.length; i++) {
      out.append(i == 0 ? "" : ", ").append(names[i]).append('=').append(values[i]);
    }
    return out.append('}').toString();
  }

  /** Collects fields; {@link #build()} sorts them once. Putting a name again replaces it. */
  public static final class Builder {
    private String[] names;
    private BlazeValue[] values;
    private int size;

    private Builder(int capacity) {
      names = new String[Math.max(capacity, 1)];
      values = new BlazeValue[names.length];
    }

    /** Sets {@code name} to {@code value}, replacing an exact-name entry. */
    public Builder put(String name, BlazeValue value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, () -> "value of field '" + name + "'");
      for (int i = 0; i < size; i++) {
        if (names[i].equals(name)) {
          values[i] = value;
          return this;
        }
      }
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      names[size] = name;
      values[size] = value;
      size++;
      return this;
    }

    /** Removes the exact name {@code name}, if present. */
    public Builder remove(String name) {
      for (int i = 0; i < size; i++) {
        if (names[i].equals(name)) {
          System.arraycopy(names, i + 1, names, i, size - i - 1);
          System.arraycopy(values, i + 1, values, i, size - i - 1);
          size--;
          names[size] = null;
          values[size] = null;
          return this;
        }
      }
      return this;
    }

    /**
     * The record, in key order.
     *
     * @throws IllegalArgumentException when two names are canonically equivalent (one key in Swift)
     */
    public BlazeRecord build() {
      if (size == 0) {
        return EMPTY;
      }
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      String[] keys = new String[size];
      for (int i = 0; i < size; i++) {
        keys[i] = KeyOrder.normalize(names[i]);
      }
      Arrays.sort(order, (x, y) -> KeyOrder.INSTANCE.compare(keys[x], keys[y]));
      String[] sortedNames = new String[size];
      BlazeValue[] sortedValues = new BlazeValue[size];
      for (int i = 0; i < size; i++) {
        sortedNames[i] = names[order[i]];
        sortedValues[i] = values[order[i]];
        if (i > 0 && keys[order[i]].equals(keys[order[i - 1]])) {
          throw new IllegalArgumentException(
              "fields '"
                  + sortedNames[i - 1]
                  + "' and '"
                  + sortedNames[i]
                  + "' are the same key (canonically equivalent Unicode)");
        }
      }
      return new BlazeRecord(sortedNames, sortedValues);
    }
  }

  /** Read-only {@link Map} view of a record, in key order. */
  private static final class RecordMap extends AbstractMap<String, BlazeValue> {
    private final BlazeRecord record;

    RecordMap(BlazeRecord record) {
      this.record = record;
    }

    BlazeRecord record() {
      return record;
    }

    @Override
    public int size() {
      return record.size();
    }

    @Override
    public BlazeValue get(Object key) {
      return key instanceof String name ? record.get(name) : null;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && record.contains(name);
    }

    @Override
    public Set<Entry<String, BlazeValue>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public int size() {
          return record.size();
        }

        @Override
        public Iterator<Entry<String, BlazeValue>> iterator() {
          return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < record.size();
            }

            @Override
            public Entry<String, BlazeValue> next() {
              if (next >= record.size()) {
                throw new NoSuchElementException();
              }
              int i = next++;
              return new SimpleImmutableEntry<>(record.names[i], record.values[i]);
            }
          };
        }
      };
    }
  }
}

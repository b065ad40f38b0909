package dev.blazebench.binary;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

/** Finds and checks the {@link GeneratedCodec} of a class, for {@link BlazeBinaryMapper#of}. */
final class GeneratedCodecs {

  /** What the processor appends to the class's name. */
  static final String SUFFIX = "_BlazeBinaryCodec";

  private GeneratedCodecs() {}

  /** {@code com.example.Outer$Bug} → {@code com.example.Outer_Bug_BlazeBinaryCodec}. */
  static String codecNameOf(Class<?> type) {
    String name = type.getName();
    int dot = name.lastIndexOf('.');
    return name.substring(0, dot + 1) + name.substring(dot + 1).replace('$', '_') + SUFFIX;
  }

  /**
   * The generated codec of {@code type}, or null when it has none.
   *
   * @throws IllegalArgumentException when it has one that does not fit the class as it is now (its
   *     fields, in key order, differ: compiled from an older version of the class)
   */
  static <T> GeneratedCodec<T> find(Class<T> type, TypedField[] fields) {
    String name = codecNameOf(type);
    Class<?> codecClass;
    try {
      codecClass = Class.forName(name, true, type.getClassLoader());
    } catch (ClassNotFoundException e) {
      return null;
    }
    if (!GeneratedCodec.class.isAssignableFrom(codecClass)) {
      throw new IllegalArgumentException(name + " is not a " + GeneratedCodec.class.getName());
    }
    Object instance;
    try {
      instance = codecClass.getConstructor().newInstance();
    } catch (NoSuchMethodException
        | InstantiationException
        | IllegalAccessException
        | InvocationTargetException e) {
      throw new IllegalArgumentException("cannot create " + name + ": " + e, e);
    }
    GeneratedCodec<T> codec = cast(instance);
    List<String> expected = new ArrayList<>();
    for (TypedField f : fields) {
      expected.add(f.name);
    }
    if (!codec.fieldNames().equals(expected)) {
      throw new IllegalArgumentException(
          name
              + " was generated for the fields "
              + codec.fieldNames()
              + " but "
              + type.getName()
              + " has "
              + expected
              + " (in key order): recompile it with the processor");
    }
    return codec;
  }

  // The processor writes <Class>_BlazeBinaryCodec implements GeneratedCodec<Class>; the name found
  // is that of type's codec, so its type argument is T.
  @SuppressWarnings("unchecked")
  private static <T> GeneratedCodec<T> cast(Object codec) {
    return (GeneratedCodec<T>) codec;
  }
}

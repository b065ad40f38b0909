package dev.blazebench.binary;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reflection, done once when a {@link BlazeBinaryMapper} is built: finds a class's fields (the
 * components of a record, the getter/setter properties of a bean), turns its accessors into
 * generated {@link TypedAccessors} and its constructor into an {@link Instantiator}, so that
 * encoding and decoding call them without reflection, boxing of primitives or per-call lookups.
 *
 * <p>Primitive values travel as a {@code long}: ints and longs as themselves, a boolean as 0 or 1,
 * a double as its raw bits; the accessors convert at the edge. A record is built by one call to a
 * method handle that spreads the decoded slots over its canonical constructor's parameters (at most
 * 127 components: a method handle takes at most 255 arguments, two per component while it is
 * built).
 */
final class TypedClassModel {

  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  /** The fields in key order. */
  final TypedField[] fields;

  /** Makes an instance from decoded values, field {@code i} in slot {@code i}. */
  final Instantiator factory;

  private TypedClassModel(TypedField[] fields, Instantiator factory) {
    this.fields = fields;
    this.factory = factory;
  }

  static TypedClassModel of(Class<?> type) {
    if (type.isPrimitive() || type.isArray() || type.isInterface() || type.isEnum()) {
      throw new IllegalArgumentException(
          type.getName() + " is not a record or a bean class; nothing to bind");
    }
    try {
      return type.isRecord() ? ofRecord(type) : ofBean(type);
    } catch (IllegalAccessException | NoSuchMethodException | InaccessibleObjectException e) {
      throw new IllegalArgumentException("cannot bind " + type.getName() + ": " + e, e);
    }
  }

  // ---- records: component accessors, canonical constructor ----

  private static TypedClassModel ofRecord(Class<?> type)
      throws IllegalAccessException, NoSuchMethodException {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] parameterTypes = new Class<?>[components.length];
    List<Accessor> accessors = new ArrayList<>();
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      parameterTypes[i] = c.getType();
      accessors.add(
          new Accessor(
              c.getName(), c.getType(), c.getGenericType(), handle(c.getAccessor()), null, i));
    }
    Constructor<?> canonical = type.getDeclaredConstructor(parameterTypes);
    return build(type, accessors, constructorFactory(handle(canonical)));
  }

  // ---- beans: no-argument constructor, getX/isX with a matching setX ----

  private static TypedClassModel ofBean(Class<?> type)
      throws IllegalAccessException, NoSuchMethodException {
    if (Modifier.isAbstract(type.getModifiers())) {
      throw new IllegalArgumentException(type.getName() + " is abstract; cannot create instances");
    }
    Constructor<?> noArgs;
    try {
      noArgs = type.getDeclaredConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(
          type.getName() + " is neither a record nor a bean with a no-argument constructor", e);
    }
    List<Accessor> accessors = new ArrayList<>();
    Set<String> properties = new HashSet<>();
    for (Method getter : type.getMethods()) {
      String property = propertyOf(getter);
      if (property == null || !properties.add(property)) {
        continue; // not a getter, or a second getter (getX and isX) of one property
      }
      Method setter;
      try {
        setter = type.getMethod(PropertyNames.setterOf(getter.getName()), getter.getReturnType());
      } catch (NoSuchMethodException e) {
        continue; // read-only property: it could not be decoded, so it is not bound
      }
      accessors.add(
          new Accessor(
              property,
              getter.getReturnType(),
              getter.getGenericReturnType(),
              handle(getter),
              handle(setter),
              -1));
    }
    if (accessors.isEmpty()) {
      throw new IllegalArgumentException(
          type.getName() + " has no properties (public getX/isX with a matching setX) to bind");
    }
    return build(type, accessors, beanFactory(handle(noArgs)));
  }

  /** The property a public instance getter reads ({@code getTitle} → {@code title}), or null. */
  private static String propertyOf(Method m) {
    if (Modifier.isStatic(m.getModifiers())
        || m.isBridge()
        || m.getParameterCount() != 0
        || m.getDeclaringClass() == Object.class) {
      return null;
    }
    return PropertyNames.ofGetter(
        m.getName(), m.getReturnType() == void.class, m.getReturnType() == boolean.class);
  }

  // ---- shared ----

  /** One field as found by reflection, before it is sorted into key order. */
  private record Accessor(
      String name,
      Class<?> type,
      Type genericType,
      MethodHandle getter,
      MethodHandle setter,
      int constructorIndex) {}

  private static TypedClassModel build(
      Class<?> type, List<Accessor> accessors, FactoryMaker factoryMaker) {
    // Key order, as BlazeRecord sorts its names; Java names cannot be canonically equivalent to
    // one another unless they are written with different code points for one character.
    List<Accessor> sorted = new ArrayList<>(accessors);
    sorted.sort(Comparator.comparing(Accessor::name, KeyOrder.INSTANCE));
    TypedField[] fields = new TypedField[sorted.size()];
    for (int i = 0; i < fields.length; i++) {
      Accessor a = sorted.get(i);
      if (i > 0 && KeyOrder.sameKey(sorted.get(i - 1).name(), a.name())) {
        throw new IllegalArgumentException(
            type.getName()
                + ": fields '"
                + sorted.get(i - 1).name()
                + "' and '"
                + a.name()
                + "' are one key in BlazeBinary (canonically equivalent)");
      }
      String where = "field '" + a.name() + "' of " + type.getName();
      int kind = TypedField.kindOf(a.type(), a.genericType(), where);
      boolean primitive = a.type().isPrimitive();
      fields[i] =
          new TypedField(
              a.name(),
              kind,
              primitive,
              a.type(),
              primitive ? null : TypedAccessors.refGetter(a.getter()),
              primitive ? TypedAccessors.primGetter(a.getter()) : null);
    }
    return new TypedClassModel(fields, factoryMaker.make(sorted));
  }

  /** Builds the factory once the fields' key order (their index in refs and prims) is known. */
  private interface FactoryMaker {
    Instantiator make(List<Accessor> sorted);
  }

  private static FactoryMaker constructorFactory(MethodHandle constructor) {
    return sorted -> {
      // (P0 .. Pn-1)R, each parameter replaced by an extractor (Object[], long[])Pi reading the
      // slot of its field in key order; then the 2n array parameters merged into two.
      int n = sorted.size();
      MethodHandle target = constructor.asType(constructor.type().changeReturnType(Object.class));
      int[] slotOfParameter = new int[n];
      for (int slot = 0; slot < n; slot++) {
        slotOfParameter[sorted.get(slot).constructorIndex()] = slot;
      }
      for (int p = n - 1; p >= 0; p--) {
        int slot = slotOfParameter[p];
        Class<?> parameterType = constructor.type().parameterType(p);
        target = MethodHandles.collectArguments(target, p, extractor(slot, parameterType));
      }
      int[] reorder = new int[2 * n];
      for (int i = 0; i < n; i++) {
        reorder[2 * i] = 0;
        reorder[2 * i + 1] = 1;
      }
      return new ConstructorInstantiator(
          MethodHandles.permuteArguments(
              target, MethodType.methodType(Object.class, Object[].class, long[].class), reorder));
    };
  }

  private static FactoryMaker beanFactory(MethodHandle create) {
    return sorted -> {
      int n = sorted.size();
      TypedAccessors.RefSetter[] refSetters = new TypedAccessors.RefSetter[n];
      TypedAccessors.PrimSetter[] primSetters = new TypedAccessors.PrimSetter[n];
      for (int slot = 0; slot < n; slot++) {
        MethodHandle setter = sorted.get(slot).setter();
        if (setter.type().parameterType(1).isPrimitive()) {
          primSetters[slot] = TypedAccessors.primSetter(setter);
        } else {
          refSetters[slot] = TypedAccessors.refSetter(setter);
        }
      }
      return new BeanInstantiator(TypedAccessors.creator(create), refSetters, primSetters);
    };
  }

  private static final MethodHandle LONG_TO_BOOLEAN;
  private static final MethodHandle LONG_BITS_TO_DOUBLE;

  static {
    try {
      LONG_TO_BOOLEAN =
          LOOKUP.findStatic(
              TypedClassModel.class,
              "longToBoolean",
              MethodType.methodType(boolean.class, long.class));
      LONG_BITS_TO_DOUBLE =
          LOOKUP.findStatic(
              Double.class, "longBitsToDouble", MethodType.methodType(double.class, long.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static boolean longToBoolean(long v) {
    return v != 0;
  }

  /** Makes an instance from decoded values: slot {@code i} is the field in key order. */
  interface Instantiator {
    /** A new instance holding {@code refs[i]} or {@code prims[i]} for each field {@code i}. */
    Object create(Object[] refs, long[] prims) throws Throwable;
  }

  /** A record, through its canonical constructor. */
  private static final class ConstructorInstantiator implements Instantiator {
    private final MethodHandle construct; // (Object[], long[])Object

    ConstructorInstantiator(MethodHandle construct) {
      this.construct = construct;
    }

    @Override
    public Object create(Object[] refs, long[] prims) throws Throwable {
      return (Object) construct.invokeExact(refs, prims);
    }
  }

  /**
   * A bean, by its no-argument constructor and then a setter per field; a null reference (a missing
   * field) leaves the field as the constructor set it.
   */
  private static final class BeanInstantiator implements Instantiator {
    private final TypedAccessors.Creator create;
    private final TypedAccessors.RefSetter[] refSetters; // null for primitives
    private final TypedAccessors.PrimSetter[] primSetters; // null for references

    BeanInstantiator(
        TypedAccessors.Creator create,
        TypedAccessors.RefSetter[] refSetters,
        TypedAccessors.PrimSetter[] primSetters) {
      this.create = create;
      this.refSetters = refSetters;
      this.primSetters = primSetters;
    }

    @Override
    public Object create(Object[] refs, long[] prims) {
      Object bean = create.create();
      for (int i = 0; i < refSetters.length; i++) {
        if (refSetters[i] != null) {
          Object value = refs[i];
          if (value != null) {
            SlotCalls.set(refSetters, i, bean, value);
          }
        } else {
          SlotCalls.set(primSetters, i, bean, prims[i]);
        }
      }
      return bean;
    }
  }

  /** {@code (Object[], long[])P}: slot {@code slot} of the arrays as a {@code type}. */
  private static MethodHandle extractor(int slot, Class<?> type) {
    if (!type.isPrimitive()) {
      MethodHandle get =
          MethodHandles.insertArguments(MethodHandles.arrayElementGetter(Object[].class), 1, slot);
      get = get.asType(MethodType.methodType(type, Object[].class));
      return MethodHandles.dropArguments(get, 1, long[].class);
    }
    MethodHandle get =
        MethodHandles.insertArguments(MethodHandles.arrayElementGetter(long[].class), 1, slot);
    get = MethodHandles.filterReturnValue(get, longTo(type));
    return MethodHandles.dropArguments(get, 0, Object[].class);
  }

  /** {@code (long)type}: a primitive back from its {@code long} carrier. */
  private static MethodHandle longTo(Class<?> type) {
    if (type == boolean.class) {
      return LONG_TO_BOOLEAN;
    } else if (type == double.class) {
      return LONG_BITS_TO_DOUBLE;
    }
    // int from long: a narrowing cast; the decoder has checked the range.
    return MethodHandles.explicitCastArguments(
        MethodHandles.identity(long.class), MethodType.methodType(type, long.class));
  }

  /** A handle on {@code m}, made accessible first when the lookup alone may not use it. */
  private static MethodHandle handle(Method m) throws IllegalAccessException {
    try {
      return LOOKUP.unreflect(m);
    } catch (IllegalAccessException e) {
      m.setAccessible(true);
      return LOOKUP.unreflect(m);
    }
  }

  private static MethodHandle handle(Constructor<?> c) throws IllegalAccessException {
    try {
      return LOOKUP.unreflectConstructor(c);
    } catch (IllegalAccessException e) {
      c.setAccessible(true);
      return LOOKUP.unreflectConstructor(c);
    }
  }
}

package dev.blazebench.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blazebench.binary.TypedFixtures.BeanBug;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** Accessors are generated classes when the metafactory can take them, wrappers otherwise. */
class TypedAccessorsTest {

  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  @Test
  void accessibleAccessorsBecomeGeneratedClasses() throws ReflectiveOperationException {
    MethodHandle getTitle =
        LOOKUP.findVirtual(BeanBug.class, "getTitle", MethodType.methodType(String.class));
    MethodHandle setPriority =
        LOOKUP.findVirtual(
            BeanBug.class, "setPriority", MethodType.methodType(void.class, int.class));
    BeanBug bean = new BeanBug();
    bean.setTitle("t");

    TypedAccessors.RefGetter getter = TypedAccessors.refGetter(getTitle);
    TypedAccessors.PrimSetter setter = TypedAccessors.primSetter(setPriority);
    setter.set(bean, 7);

    assertTrue(getter.getClass().isHidden(), getter.getClass()::getName);
    assertFalse(Proxy.isProxyClass(getter.getClass()));
    assertEquals("t", getter.get(bean));
    assertEquals(7, bean.getPriority());
  }

  @Test
  void handlesTheMetafactoryCannotTakeFallBackToAWrapper() throws ReflectiveOperationException {
    // Not a direct method handle: the metafactory refuses it.
    MethodHandle priorityPlusOne =
        MethodHandles.filterReturnValue(
            LOOKUP.findVirtual(BeanBug.class, "getPriority", MethodType.methodType(int.class)),
            MethodHandles.insertArguments(
                LOOKUP.findStatic(
                    Math.class, "addExact", MethodType.methodType(int.class, int.class, int.class)),
                1,
                1));
    BeanBug bean = new BeanBug();
    bean.setPriority(41);

    TypedAccessors.PrimGetter getter = TypedAccessors.primGetter(priorityPlusOne);

    assertEquals(42, getter.get(bean));
  }
}

package dev.blazebench.binary;

/**
 * Calls the accessor of field {@code i} from a call site of its own for the first 12 fields.
 *
 * <p>Why: the JIT inlines an interface call only where it has seen one or two receiver classes. A
 * loop calling {@code getters[i].get(o)} has one call site for every field's generated accessor
 * class, so it sees as many classes as the class has fields and falls back to a full interface
 * dispatch per call (measured: about 16% of a 1,000-bug typed decode went to the bean's setters).
 * Here each field index has its own call site, which in a program binding one class sees one
 * receiver and is inlined; with several bound classes it degrades to the dispatch it replaces. This
 * is the unrolling a generated serializer gets for free, written out once.
 */
final class SlotCalls {

  private SlotCalls() {}

  static Object get(TypedAccessors.RefGetter[] g, int i, Object target) {
    return switch (i) {
      case 0 -> g[0].get(target);
      case 1 -> g[1].get(target);
      case 2 -> g[2].get(target);
      case 3 -> g[3].get(target);
      case 4 -> g[4].get(target);
      case 5 -> g[5].get(target);
      case 6 -> g[6].get(target);
      case 7 -> g[7].get(target);
      case 8 -> g[8].get(target);
      case 9 -> g[9].get(target);
      case 10 -> g[10].get(target);
      case 11 -> g[11].get(target);
      default -> g[i].get(target);
    };
  }

  static long get(TypedAccessors.PrimGetter[] g, int i, Object target) {
    return switch (i) {
      case 0 -> g[0].get(target);
      case 1 -> g[1].get(target);
      case 2 -> g[2].get(target);
      case 3 -> g[3].get(target);
      case 4 -> g[4].get(target);
      case 5 -> g[5].get(target);
      case 6 -> g[6].get(target);
      case 7 -> g[7].get(target);
      case 8 -> g[8].get(target);
      case 9 -> g[9].get(target);
      case 10 -> g[10].get(target);
      case 11 -> g[11].get(target);
      default -> g[i].get(target);
    };
  }

  static void set(TypedAccessors.RefSetter[] s, int i, Object target, Object value) {
    switch (i) {
      case 0 -> s[0].set(target, value);
      case 1 -> s[1].set(target, value);
      case 2 -> s[2].set(target, value);
      case 3 -> s[3].set(target, value);
      case 4 -> s[4].set(target, value);
      case 5 -> s[5].set(target, value);
      case 6 -> s[6].set(target, value);
      case 7 -> s[7].set(target, value);
      case 8 -> s[8].set(target, value);
      case 9 -> s[9].set(target, value);
      case 10 -> s[10].set(target, value);
      case 11 -> s[11].set(target, value);
      default -> s[i].set(target, value);
    }
  }

  static void set(TypedAccessors.PrimSetter[] s, int i, Object target, long value) {
    switch (i) {
      case 0 -> s[0].set(target, value);
      case 1 -> s[1].set(target, value);
      case 2 -> s[2].set(target, value);
      case 3 -> s[3].set(target, value);
      case 4 -> s[4].set(target, value);
      case 5 -> s[5].set(target, value);
      case 6 -> s[6].set(target, value);
      case 7 -> s[7].set(target, value);
      case 8 -> s[8].set(target, value);
      case 9 -> s[9].set(target, value);
      case 10 -> s[10].set(target, value);
      case 11 -> s[11].set(target, value);
      default -> s[i].set(target, value);
    }
  }
}

package dev.blazebench.binary;

import java.util.Locale;

/**
 * Which bean property a getter reads, by the JavaBeans naming rule: one rule for the run-time
 * binding (reflection) and for blaze-binary-processor (compile time), so that both find the same
 * fields.
 */
public final class PropertyNames {

  private PropertyNames() {}

  /**
   * The property a public, non-static, no-argument method named {@code methodName} reads ({@code
   * getTitle} → {@code title}, {@code isOpen} → {@code open} when it returns {@code boolean},
   * {@code getURL} → {@code URL}), or null when it is not a getter.
   */
  public static String ofGetter(String methodName, boolean returnsVoid, boolean returnsBoolean) {
    String rest;
    if (methodName.startsWith("get") && methodName.length() > 3 && !returnsVoid) {
      rest = methodName.substring(3);
    } else if (methodName.startsWith("is") && methodName.length() > 2 && returnsBoolean) {
      rest = methodName.substring(2);
    } else {
      return null;
    }
    // java.beans.Introspector.decapitalize: "URL" stays "URL", "Title" becomes "title".
    if (rest.length() > 1
        && Character.isUpperCase(rest.charAt(0))
        && Character.isUpperCase(rest.charAt(1))) {
      return rest;
    }
    return rest.substring(0, 1).toLowerCase(Locale.ROOT) + rest.substring(1);
  }

  /**
   * The setter's name for a getter named {@code getterName}: {@code getX}/{@code isX} → {@code
   * setX}.
   */
  public static String setterOf(String getterName) {
    return "set" + getterName.substring(getterName.startsWith("is") ? 2 : 3);
  }
}

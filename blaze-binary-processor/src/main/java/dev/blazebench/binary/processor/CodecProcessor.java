package dev.blazebench.binary.processor;

import dev.blazebench.binary.KeyOrder;
import dev.blazebench.binary.PropertyNames;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Writes {@code <Class>_BlazeBinaryCodec}, a {@code dev.blazebench.binary.GeneratedCodec}, for each
 * record or bean annotated {@code @GenerateCodec}: per field, a direct call of its accessor and of
 * the {@code RecordWriter} or {@code RecordReader} method for its type, in key order. It finds the
 * fields as {@code BlazeBinaryMapper} does by reflection (record components; public {@code
 * getX}/{@code isX} with a matching {@code setX}), and {@code BlazeBinaryMapper.of} checks at run
 * time that both found the same ones. A class it cannot write code for is a compile error naming
 * the reason.
 */
@SupportedAnnotationTypes(CodecProcessor.ANNOTATION)
public final class CodecProcessor extends AbstractProcessor {

  static final String ANNOTATION = "dev.blazebench.binary.GenerateCodec";

  private static final String SUFFIX = "_BlazeBinaryCodec";
  private static final String API = "dev.blazebench.binary.";

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement annotation : annotations) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        try {
          generate(element);
        } catch (Refusal r) {
          processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, r.getMessage(), element);
        } catch (IOException e) {
          processingEnv
              .getMessager()
              .printMessage(Diagnostic.Kind.ERROR, "cannot write the codec: " + e, element);
        }
      }
    }
    return false; // others may read the annotation too
  }

  /** A class the processor will not write code for; the message says why. */
  private static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super("@GenerateCodec: " + message);
    }
  }

  /** The value types a generated codec reads and writes, with the calls for each. */
  private enum Kind {
    STRING("string", "string", false),
    INT("integer", "int32", true),
    BOXED_INT("integer", "int32OrNull", false),
    LONG("integer", "int64", true),
    BOXED_LONG("integer", "int64OrNull", false),
    DOUBLE("float64", "float64", true),
    BOXED_DOUBLE("float64", "float64OrNull", false),
    BOOL("bool", "bool", true),
    BOXED_BOOL("bool", "boolOrNull", false),
    UUID("uuid", "uuid", false),
    INSTANT("date", "date", false),
    STRING_LIST("stringList", "stringList", false);

    final String writeCall;
    final String readCall;
    final boolean primitive;

    Kind(String writeCall, String readCall, boolean primitive) {
      this.writeCall = writeCall;
      this.readCall = readCall;
      this.primitive = primitive;
    }
  }

  /** One field: its name, kind, Java type as source, and accessors (no setter for a record). */
  private record Field(String name, Kind kind, String javaType, String getter, String setter) {}

  private void generate(Element element) throws Refusal, IOException {
    if (element.getKind() != ElementKind.CLASS && element.getKind() != ElementKind.RECORD) {
      throw new Refusal("only a record or a class can have a generated codec");
    }
    TypeElement type = (TypeElement) element;
    checkReachable(type);
    boolean record = type.getKind() == ElementKind.RECORD;
    List<Field> fields = record ? recordFields(type) : beanFields(type);
    if (fields.isEmpty()) {
      throw new Refusal(
          type.getQualifiedName()
              + " has no fields to write (record components, or public getX/isX"
              + " with a matching setX)");
    }
    List<Field> sorted = new ArrayList<>(fields);
    sorted.sort(Comparator.comparing(Field::name, KeyOrder.INSTANCE));
    for (int i = 1; i < sorted.size(); i++) {
      if (KeyOrder.sameKey(sorted.get(i - 1).name(), sorted.get(i).name())) {
        throw new Refusal(
            "fields '"
                + sorted.get(i - 1).name()
                + "' and '"
                + sorted.get(i).name()
                + "' are one key in BlazeBinary");
      }
    }
    String packageName = packageOf(type);
    String codecName = flatName(type) + SUFFIX;
    String source = source(packageName, codecName, type, record, fields, sorted);
    String qualified = packageName.isEmpty() ? codecName : packageName + "." + codecName;
    try (Writer w = processingEnv.getFiler().createSourceFile(qualified, type).openWriter()) {
      w.write(source);
    }
  }

  /** Generated code calls the class from its own package: it and its enclosers must allow it. */
  private static void checkReachable(TypeElement type) throws Refusal {
    for (Element e = type; e instanceof TypeElement t; e = t.getEnclosingElement()) {
      if (!t.getModifiers().contains(Modifier.PUBLIC)) {
        throw new Refusal(t.getQualifiedName() + " must be public");
      }
      if (t.getNestingKind() == NestingKind.MEMBER
          && !t.getModifiers().contains(Modifier.STATIC)
          && t.getKind() == ElementKind.CLASS) {
        throw new Refusal(t.getQualifiedName() + " must be static (an inner class has no codec)");
      }
      if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
        throw new Refusal(t.getQualifiedName() + " must be a top-level or member class");
      }
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      throw new Refusal(type.getQualifiedName() + " is abstract; cannot create instances");
    }
  }

  private List<Field> recordFields(TypeElement type) throws Refusal {
    List<Field> fields = new ArrayList<>();
    for (RecordComponentElement c : ElementFilter.recordComponentsIn(type.getEnclosedElements())) {
      String name = c.getSimpleName().toString();
      fields.add(new Field(name, kindOf(c.asType(), name), typeSource(c.asType()), name, null));
    }
    return fields;
  }

  /**
   * As {@code TypedClassModel.ofBean}: public instance getters with a public setter of the type.
   */
  private List<Field> beanFields(TypeElement type) throws Refusal {
    boolean noArgs = false;
    for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC)) {
        noArgs = true;
      }
    }
    if (!noArgs) {
      throw new Refusal(type.getQualifiedName() + " has no public no-argument constructor");
    }
    List<ExecutableElement> methods =
        ElementFilter.methodsIn(processingEnv.getElementUtils().getAllMembers(type));
    List<Field> fields = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ExecutableElement getter : methods) {
      String property = propertyOf(getter);
      if (property == null || !seen.add(property)) {
        continue;
      }
      String getterName = getter.getSimpleName().toString();
      String setterName = PropertyNames.setterOf(getterName);
      TypeMirror valueType = getter.getReturnType();
      boolean hasSetter = false;
      for (ExecutableElement m : methods) {
        if (m.getSimpleName().contentEquals(setterName)
            && isPublicInstance(m)
            && m.getParameters().size() == 1
            && sameErasure(m.getParameters().get(0).asType(), valueType)) {
          hasSetter = true;
        }
      }
      if (hasSetter) {
        fields.add(
            new Field(
                property,
                kindOf(valueType, property),
                typeSource(valueType),
                getterName + "()",
                setterName));
      }
    }
    return fields;
  }

  private static boolean isPublicInstance(ExecutableElement m) {
    return m.getModifiers().contains(Modifier.PUBLIC)
        && !m.getModifiers().contains(Modifier.STATIC);
  }

  /** The property a getter reads ({@code getTitle} → {@code title}), or null, as at run time. */
  private String propertyOf(ExecutableElement m) {
    if (!isPublicInstance(m)
        || !m.getParameters().isEmpty()
        || ((TypeElement) m.getEnclosingElement())
            .getQualifiedName()
            .contentEquals("java.lang.Object")) {
      return null;
    }
    TypeKind returns = m.getReturnType().getKind();
    return PropertyNames.ofGetter(
        m.getSimpleName().toString(), returns == TypeKind.VOID, returns == TypeKind.BOOLEAN);
  }

  private boolean sameErasure(TypeMirror a, TypeMirror b) {
    var types = processingEnv.getTypeUtils();
    return types.isSameType(types.erasure(a), types.erasure(b));
  }

  private Kind kindOf(TypeMirror type, String field) throws Refusal {
    switch (type.getKind()) {
      case INT:
        return Kind.INT;
      case LONG:
        return Kind.LONG;
      case DOUBLE:
        return Kind.DOUBLE;
      case BOOLEAN:
        return Kind.BOOL;
      case DECLARED:
        break;
      default:
        throw unsupported(type, field);
    }
    DeclaredType declared = (DeclaredType) type;
    String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
    switch (name) {
      case "java.lang.String":
        return Kind.STRING;
      case "java.lang.Integer":
        return Kind.BOXED_INT;
      case "java.lang.Long":
        return Kind.BOXED_LONG;
      case "java.lang.Double":
        return Kind.BOXED_DOUBLE;
      case "java.lang.Boolean":
        return Kind.BOXED_BOOL;
      case "java.util.UUID":
        return Kind.UUID;
      case "java.time.Instant":
        return Kind.INSTANT;
      case "java.util.List":
        List<? extends TypeMirror> args = declared.getTypeArguments();
        if (args.size() == 1
            && args.get(0).getKind() == TypeKind.DECLARED
            && ((TypeElement) ((DeclaredType) args.get(0)).asElement())
                .getQualifiedName()
                .contentEquals("java.lang.String")) {
          return Kind.STRING_LIST;
        }
        throw unsupported(type, field);
      default:
        throw unsupported(type, field);
    }
  }

  private static Refusal unsupported(TypeMirror type, String field) {
    return new Refusal(
        "field '"
            + field
            + "' is a "
            + type
            + "; generated codecs handle String, int, long, double, boolean (and boxes), UUID,"
            + " Instant and List<String> (leave the annotation out to bind this class at run time)");
  }

  private static String typeSource(TypeMirror type) {
    return type.toString();
  }

  private static String packageOf(TypeElement type) {
    Element e = type;
    while (!(e instanceof PackageElement)) {
      e = e.getEnclosingElement();
    }
    return ((PackageElement) e).getQualifiedName().toString();
  }

  /** {@code Outer.Bug} → {@code Outer_Bug}: the simple names from the top-level class down. */
  private static String flatName(TypeElement type) {
    String name = type.getSimpleName().toString();
    Element e = type.getEnclosingElement();
    while (e instanceof TypeElement t) {
      name = t.getSimpleName() + "_" + name;
      e = t.getEnclosingElement();
    }
    return name;
  }

  // ---- the source ----

  private static String source(
      String packageName,
      String codecName,
      TypeElement type,
      boolean record,
      List<Field> declared,
      List<Field> sorted) {
    String t = type.getQualifiedName().toString();
    StringBuilder s = new StringBuilder();
    if (!packageName.isEmpty()) {
      s.append("package ").append(packageName).append(";\n\n");
    }
    s.append("/** Written by blaze-binary-processor for {@link ")
        .append(t)
        .append("}: do not edit. */\n");
    s.append("public final class ")
        .append(codecName)
        .append(" implements ")
        .append(API)
        .append("GeneratedCodec<")
        .append(t)
        .append("> {\n\n");
    s.append("  private static final java.util.List<String> FIELDS =\n      java.util.List.of(");
    for (int i = 0; i < sorted.size(); i++) {
      s.append(i == 0 ? "" : ", ").append('"').append(sorted.get(i).name()).append('"');
    }
    s.append(");\n\n");
    s.append("  public ").append(codecName).append("() {}\n\n");
    s.append(
        "  @Override\n  public java.util.List<String> fieldNames() {\n    return FIELDS;\n  }\n\n");

    // write: each field in key order; a null reference is no field at all.
    s.append("  @Override\n  public int write(")
        .append(t)
        .append(" value, ")
        .append(API)
        .append("RecordWriter out) {\n    int written = 0;\n");
    for (int i = 0; i < sorted.size(); i++) {
      Field f = sorted.get(i);
      String get = "value." + f.getter() + (f.setter() == null ? "()" : "");
      if (f.kind().primitive) {
        s.append("    out.").append(f.kind().writeCall).append('(').append(i).append(", ");
        s.append(get).append(");\n    written++;\n");
      } else {
        String local = "f" + i;
        s.append("    ").append(f.javaType()).append(' ').append(local).append(" = ");
        s.append(get).append(";\n");
        s.append("    if (").append(local).append(" != null) {\n      out.");
        s.append(f.kind().writeCall).append('(').append(i).append(", ").append(local);
        s.append(");\n      written++;\n    }\n");
      }
    }
    s.append("    return written;\n  }\n\n");

    // read: every key as written, in key order, or null; then the instance from the values.
    s.append("  @Override\n  public ")
        .append(t)
        .append(" read(")
        .append(API)
        .append("RecordReader in) {\n");
    for (int i = 0; i < sorted.size(); i++) {
      Field f = sorted.get(i);
      s.append("    if (!in.key(").append(i).append(")) {\n      return null;\n    }\n");
      s.append("    ").append(f.javaType()).append(" f").append(i).append(" = in.");
      s.append(f.kind().readCall).append('(').append(i).append(");\n");
    }
    s.append("    try {\n");
    if (record) {
      s.append("      return new ").append(t).append('(');
      for (int k = 0; k < declared.size(); k++) {
        s.append(k == 0 ? "" : ", ").append('f').append(sorted.indexOf(declared.get(k)));
      }
      s.append(");\n");
    } else {
      s.append("      ").append(t).append(" value = new ").append(t).append("();\n");
      for (int i = 0; i < sorted.size(); i++) {
        Field f = sorted.get(i);
        String set = "value." + f.setter() + "(f" + i + ");\n";
        if (f.kind().primitive) {
          s.append("      ").append(set);
        } else {
          // As the run-time binding: a null leaves the constructor's value.
          s.append("      if (f").append(i).append(" != null) {\n        ").append(set);
          s.append("      }\n");
        }
      }
      s.append("      return value;\n");
    }
    s.append(
        "    } catch (RuntimeException e) {\n      throw in.cannotCreate(e);\n    }\n  }\n}\n");
    return s.toString();
  }
}

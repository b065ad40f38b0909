package dev.blazebench.binary.processor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Classes the processor will not write a codec for: compiled with javac and the processor, each
 * must fail with one error that says why, on the class.
 */
class ProcessorRefusalsTest {

  @TempDir Path out;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "public class A { private byte[] data; public byte[] getData() { return data; }"
            + " public void setData(byte[] d) { data = d; } }"
            + "| field 'data' is a byte[]",
        "class A { }| p.A must be public",
        "public class A { public A(int x) { } public int getX() { return 0; }"
            + " public void setX(int x) { } }| has no public no-argument constructor",
        "public class A { public class Inner { public int getX() { return 0; }"
            + " public void setX(int x) { } } }| p.A.Inner must be static",
        "public class A { public String getOnly() { return null; } }| p.A has no fields to write",
        "public record A(java.util.List<Integer> numbers) { }| field 'numbers' is a"
            + " java.util.List<java.lang.Integer>",
        "public interface A { }| only a record or a class",
      })
  void refusedWithTheReason(String body, String reason) throws IOException {
    String source =
        body.contains("class Inner") ? annotateInner(body) : "@" + ANNOTATION + " " + body;
    List<String> errors = compile("package p; " + source);
    assertFalse(errors.isEmpty(), "no error for: " + source);
    assertTrue(
        errors.stream().anyMatch(e -> e.contains("@GenerateCodec: ") && e.contains(reason.trim())),
        "expected '" + reason.trim() + "' in " + errors);
  }

  @Test
  void aSupportedClassCompilesToItsCodec() throws IOException {
    List<String> errors =
        compile(
            "package p; @"
                + ANNOTATION
                + " public record A(String name, int n, java.util.List<String> tags) { }");
    assertTrue(errors.isEmpty(), errors.toString());
    assertTrue(Files.exists(out.resolve("p/A_BlazeBinaryCodec.class")));
  }

  private static final String ANNOTATION = "dev.blazebench.binary.GenerateCodec";

  private static String annotateInner(String body) {
    return body.replace("public class Inner", "@" + ANNOTATION + " public class Inner");
  }

  /** Compiles one source file with the processor; returns the error messages. */
  private List<String> compile(String source) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaFileObject file =
        new SimpleJavaFileObject(URI.create("string:///p/A.java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    List<String> options =
        List.of(
            "-classpath",
            System.getProperty("java.class.path"),
            "-processor",
            CodecProcessor.class.getName(),
            "-d",
            out.toString());
    try (var files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      javac.getTask(null, files, diagnostics, options, null, List.of(file)).call();
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(d.getMessage(Locale.ROOT));
      }
    }
    return errors;
  }
}

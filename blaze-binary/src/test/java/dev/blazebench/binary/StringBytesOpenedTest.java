package dev.blazebench.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which string reader a JVM chooses, seen from JVMs of their own (the choice is made once per JVM):
 * with {@code java.lang} opened, the private lookup on any JDK; without, Unsafe before JDK 24 and
 * the public path from 24 on. Every choice writes the public path's bytes.
 */
class StringBytesOpenedTest {

  @Test
  void openingJavaLangSelectsThePrivateLookup() throws Exception {
    assertEquals(
        "opened=true inPlace=true same=true",
        probe("--add-opens", "java.base/java.lang=ALL-UNNAMED"));
  }

  @Test
  void withoutItTheChoiceDependsOnTheJdk() throws Exception {
    boolean beforeWarnings = Runtime.version().feature() < StringBytes.FIRST_JDK_WARNING_ON_UNSAFE;
    assertEquals("opened=false inPlace=" + beforeWarnings + " same=true", probe());
  }

  private static String probe(String... jvmOptions) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(StringBytesProbe.class.getName());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
    return output.trim();
  }
}

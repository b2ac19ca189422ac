package dev.keyaudit.scanner.bytecode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A class that generates RSA-1024 (KA102 on line 8), as source text and compiled. */
final class WeakRsaClass {

  private static final String SOURCE =
      """
      %s

      import java.security.KeyPairGenerator;

      public class %s {
        public Object keys() throws Exception {
          KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
          kpg.initialize(1024);
          return kpg.generateKeyPair();
        }
      }
      """;

  private WeakRsaClass() {}

  /** The source of {@code name} in {@code packageName} (empty: the default package). */
  static String source(String packageName, String name) {
    return SOURCE.formatted(packageName.isEmpty() ? "" : "package " + packageName + ";", name);
  }

  /** Writes the source as {@code folder/name.java} under {@code dir}. */
  static Path write(Path dir, String folder, String packageName, String name) throws IOException {
    Path file = Files.createDirectories(dir.resolve(folder)).resolve(name + ".java");
    return Files.writeString(file, source(packageName, name));
  }

  /** The class file javac (release 17, {@code -g}) makes of {@code source}. */
  static byte[] compiled(Path source, String internalName) throws IOException {
    return InMemoryJavac.compile(List.of(source), 17).get(source).get(internalName);
  }
}

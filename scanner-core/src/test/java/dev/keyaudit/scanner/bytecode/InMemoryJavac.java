package dev.keyaudit.scanner.bytecode;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.scanner.archive.ClassEntry;
import dev.keyaudit.scanner.config.ConfigIndex;
import dev.keyaudit.scanner.scan.ScanContext;
import dev.keyaudit.scanner.source.CollectingSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources with the running JDK's javac into memory (JaCoCo-style: no class files on
 * disk), with {@code -g} so the class files carry line numbers and local variable names.
 */
final class InMemoryJavac {

  private InMemoryJavac() {}

  /**
   * Class files by the source file they came from, then by internal name ({@code
   * com/example/Keys$Inner}).
   *
   * @param release the {@code --release} to compile for (17, 25...)
   */
  /** The facts the bytecode frontend finds in {@code source} compiled for release 17, alone. */
  static List<Fact> bytecodeFacts(Path source) throws IOException {
    List<ClassEntry> entries = new ArrayList<>();
    compile(List.of(source), 17)
        .get(source)
        .forEach((name, bytes) -> entries.add(new ClassEntry(name + ".class", bytes, null)));
    CollectingSink sink = new CollectingSink();
    new BytecodeFrontend()
        .analyze(entries, ConfigIndex.of(List.of()), new ScanContext(17, 2), sink);
    return sink.facts;
  }

  static Map<Path, Map<String, byte[]>> compile(List<Path> sources, int release)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Map<String, ByteArrayOutputStream> out = new TreeMap<>();
    Map<String, Path> origin = new TreeMap<>();
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager standard = javac.getStandardFileManager(null, null, null)) {
      JavaFileManager files =
          new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(
                Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
              String name = className.replace('.', '/');
              origin.put(name, Path.of(sibling.toUri()));
              return new SimpleJavaFileObject(URI.create("mem:///" + name + ".class"), kind) {
                @Override
                public OutputStream openOutputStream() {
                  return out.computeIfAbsent(name, k -> new ByteArrayOutputStream());
                }
              };
            }
          };
      boolean ok =
          javac
              .getTask(
                  diagnostics,
                  files,
                  null,
                  List.of("--release", String.valueOf(release), "-g", "-proc:none"),
                  null,
                  standard.getJavaFileObjectsFromPaths(sources))
              .call();
      if (!ok) {
        throw new IllegalStateException("javac failed:\n" + diagnostics);
      }
    }
    Map<Path, Map<String, byte[]>> classes = new java.util.HashMap<>();
    out.forEach(
        (name, bytes) ->
            classes
                .computeIfAbsent(origin.get(name), k -> new TreeMap<>())
                .put(name, bytes.toByteArray()));
    return classes;
  }
}

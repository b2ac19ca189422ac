package dev.keyaudit.maven;

import dev.keyaudit.scanner.bytecode.BytecodeFrontend;
import dev.keyaudit.scanner.scan.FactSink;
import dev.keyaudit.scanner.scan.Frontend;
import dev.keyaudit.scanner.scan.InputFile;
import dev.keyaudit.scanner.scan.ScanContext;
import java.util.List;

/**
 * The built-in frontends, with the module's class folders ({@code target/classes}) left to the
 * bytecode frontend: Maven copies resources there, and the manifest frontend already reads them
 * where they are written ({@code src/main/resources}), so reading the copies would report each
 * secret twice.
 */
final class ClassOutputFrontends {

  private ClassOutputFrontends() {}

  /**
   * @param frontends the frontends a scan would use
   * @param classOutputs the class folders, relative to the scan root with {@code /} separators
   */
  static List<Frontend> of(List<Frontend> frontends, List<String> classOutputs) {
    if (classOutputs.isEmpty()) {
      return frontends;
    }
    List<String> prefixes = classOutputs.stream().map(p -> p.endsWith("/") ? p : p + "/").toList();
    return frontends.stream()
        .map(f -> f instanceof BytecodeFrontend ? f : new OutsideClassOutputs(f, prefixes))
        .toList();
  }

  /** A frontend that declines every file inside a class folder. */
  private record OutsideClassOutputs(Frontend inner, List<String> prefixes) implements Frontend {

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public boolean accepts(InputFile file) {
      String path = file.relativePath();
      return prefixes.stream().noneMatch(path::startsWith) && inner.accepts(file);
    }

    @Override
    public void analyze(List<InputFile> files, ScanContext context, FactSink sink) {
      inner.analyze(files, context, sink);
    }
  }
}

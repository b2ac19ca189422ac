package dev.keyaudit.scanner.bytecode;

import dev.keyaudit.scanner.archive.ArchivePath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.objectweb.asm.tree.ClassNode;

/**
 * Which classes the source frontend reports instead: a class of the project's own (a class folder,
 * an application archive; never a dependency) whose source file is scanned too. A source matches
 * when it declares the class's package and has the class's source file name, so a default-package
 * {@code Keys.class} is not taken for {@code com/acme/Keys.java}. Candidates' package declarations
 * are read on demand, once.
 */
final class ScannedSources {

  /** Enough of a file to reach its package declaration past a licence header. */
  private static final int HEAD = 16 * 1024;

  private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
  private static final Pattern PACKAGE =
      Pattern.compile("\\A\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*package\\s+([\\w.\\s]+?)\\s*;");

  static final ScannedSources NONE = new ScannedSources(Set.of(), Set.of(), null);

  /** The scanned sources by file name ({@code Keys.java}). */
  private final Map<String, List<String>> sourcesByName;

  private final Set<String> dependencies;
  private final Path root;
  private final Map<String, String> packages = new ConcurrentHashMap<>();

  /**
   * @param scanned every file of the scan, relative to {@code root}
   * @param dependencies the scanned files that are dependencies
   * @param root the scan root, to read candidate sources (null: matched by path alone)
   */
  ScannedSources(Set<String> scanned, Set<String> dependencies, Path root) {
    this.sourcesByName =
        scanned.stream()
            .filter(p -> p.endsWith(".java"))
            .sorted()
            .collect(Collectors.groupingBy(p -> p.substring(p.lastIndexOf('/') + 1)));
    this.dependencies = Set.copyOf(dependencies);
    this.root = root;
  }

  /** Whether the class at {@code location} is left to the source frontend. */
  boolean leftToSource(String location, ClassNode node) {
    String source = sourcePath(node);
    List<String> candidates =
        sourcesByName.getOrDefault(source.substring(source.lastIndexOf('/') + 1), List.of());
    if (candidates.isEmpty() || inDependency(location)) {
      return false;
    }
    String packageName = packageOf(node);
    for (String p : candidates) {
      boolean byPath = p.equals(source) || p.endsWith("/" + source);
      String declared = declaredPackage(p);
      // Unreadable (no root known): its folders must end with the package's.
      if (declared == null ? byPath : declared.equals(packageName)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code com/acme/Keys.java} for {@code com/acme/Keys$Inner} compiled from Keys.java; without a
   * SourceFile attribute ({@code -g:none}) the outermost class's name is the file's, as javac
   * requires of public classes.
   */
  static String sourcePath(ClassNode node) {
    int slash = node.name.lastIndexOf('/');
    String simple = node.name.substring(slash + 1);
    String file =
        node.sourceFile != null
            ? node.sourceFile
            : (simple.indexOf('$') > 0 ? simple.substring(0, simple.indexOf('$')) : simple)
                + ".java";
    return (slash < 0 ? "" : node.name.substring(0, slash + 1)) + file;
  }

  private static String packageOf(ClassNode node) {
    int slash = node.name.lastIndexOf('/');
    return slash < 0 ? "" : node.name.substring(0, slash).replace('/', '.');
  }

  /**
   * A class read from a dependency (a classpath file, or a library bundled in an archive's lib
   * folder): a namesake in the project's sources does not make it the project's own.
   */
  private boolean inDependency(String location) {
    return ArchivePath.parse(location).dependencyArchive(dependencies) != null;
  }

  /** The package the source declares; null when it cannot be read (or no root is known). */
  private String declaredPackage(String relative) {
    return root == null ? null : packages.computeIfAbsent(relative, this::readPackage);
  }

  private String readPackage(String relative) {
    try (InputStream in = Files.newInputStream(root.resolve(relative))) {
      String head = new String(in.readNBytes(HEAD), StandardCharsets.UTF_8);
      Matcher m = PACKAGE.matcher(COMMENTS.matcher(head).replaceAll(" "));
      return m.find() ? m.group(1).replaceAll("\\s", "") : "";
    } catch (IOException | RuntimeException e) {
      return null; // not remembered: rare, and read again at most once per class
    }
  }
}

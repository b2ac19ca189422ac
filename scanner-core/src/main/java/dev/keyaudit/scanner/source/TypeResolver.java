package dev.keyaudit.scanner.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.TypeParameter;
import dev.keyaudit.scanner.jca.JcaApi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, without a symbol solver, whether a type name written in one compilation unit denotes one
 * of the {@link JcaApi} types. It applies Java's shadowing order: types declared in the file,
 * single-type imports, types of the same package, on-demand imports, then {@code java.lang}. Any
 * doubt resolves to "not an API type", so a lookalike never produces a fact.
 */
final class TypeResolver {

  private final String packageName;
  private final SamePackageTypes samePackage;
  private final Set<String> declaredInFile = new HashSet<>();
  private final Map<String, String> singleImports = new HashMap<>();
  private final List<String> onDemandImports = new ArrayList<>();
  private final Map<String, String> staticSingleImports = new HashMap<>();
  private final List<String> staticOnDemandImports = new ArrayList<>();

  TypeResolver(CompilationUnit cu, SamePackageTypes samePackage) {
    this.packageName = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    this.samePackage = samePackage;
    for (TypeDeclaration<?> type : cu.findAll(TypeDeclaration.class)) {
      declaredInFile.add(type.getNameAsString());
    }
    for (TypeParameter parameter : cu.findAll(TypeParameter.class)) {
      declaredInFile.add(parameter.getNameAsString());
    }
    for (ImportDeclaration imp : cu.getImports()) {
      String name = imp.getNameAsString();
      if (imp.isStatic()) {
        if (imp.isAsterisk()) {
          staticOnDemandImports.add(name);
        } else {
          int dot = name.lastIndexOf('.');
          if (dot > 0) {
            staticSingleImports.put(name.substring(dot + 1), name.substring(0, dot));
          }
        }
      } else if (imp.isAsterisk()) {
        onDemandImports.add(name);
      } else {
        singleImports.put(JcaApi.simpleName(name), name);
      }
    }
  }

  /** The API type a simple name denotes here, or empty (lookalike, unknown or not an API). */
  Optional<String> resolveSimple(String simpleName) {
    if (declaredInFile.contains(simpleName)) {
      return Optional.empty();
    }
    String imported = singleImports.get(simpleName);
    if (imported != null) {
      return JcaApi.ALL.contains(imported) ? Optional.of(imported) : Optional.empty();
    }
    if (!JcaApi.BY_SIMPLE_NAME.containsKey(simpleName)) {
      return Optional.empty();
    }
    if (samePackage.declares(packageName, simpleName)) {
      return Optional.empty();
    }
    String found = null;
    for (String prefix : onDemandImports) {
      String candidate = prefix + "." + simpleName;
      if (JcaApi.ALL.contains(candidate)) {
        found = candidate;
      } else if (samePackage.declares(prefix, simpleName)) {
        // Two on-demand imports supply the name: javac would reject it; claim nothing.
        return Optional.empty();
      }
    }
    if (found != null) {
      return Optional.of(found);
    }
    String javaLang = "java.lang." + simpleName;
    return JcaApi.JAVA_LANG.contains(javaLang) ? Optional.of(javaLang) : Optional.empty();
  }

  /**
   * Resolves a dotted name as written in code: {@code Cipher}, {@code KeyStore.PasswordProtection}
   * or {@code javax.crypto.Cipher}. The caller makes sure the first segment is not a variable.
   */
  String packageName() {
    return packageName;
  }

  Optional<String> resolveDotted(String dotted) {
    int dot = dotted.indexOf('.');
    if (dot < 0) {
      return resolveSimple(dotted);
    }
    if (JcaApi.ALL.contains(dotted)) {
      return Optional.of(dotted);
    }
    Optional<String> outer = resolveSimple(dotted.substring(0, dot));
    if (outer.isEmpty()) {
      // The outer type may be imported without being an API type itself (java.util.Base64).
      String imported = singleImports.get(dotted.substring(0, dot));
      if (imported == null) {
        return Optional.empty();
      }
      String candidate = imported + dotted.substring(dot);
      return JcaApi.ALL.contains(candidate) ? Optional.of(candidate) : Optional.empty();
    }
    String candidate = outer.get() + dotted.substring(dot);
    return JcaApi.ALL.contains(candidate) ? Optional.of(candidate) : Optional.empty();
  }

  Optional<String> resolve(ClassOrInterfaceType type) {
    return resolveDotted(type.getNameWithScope());
  }

  /**
   * The API type that a statically imported member (method or constant) named {@code member} comes
   * from, e.g. {@code random} from {@code import static java.lang.Math.random}.
   */
  Optional<String> staticImportOwner(String member) {
    String owner = staticSingleImports.get(member);
    if (owner != null) {
      return JcaApi.ALL.contains(owner) ? Optional.of(owner) : Optional.empty();
    }
    for (String type : staticOnDemandImports) {
      if (JcaApi.ALL.contains(type)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** True when the file declares a type (class, record, type parameter...) of that name. */
  boolean declaresType(String simpleName) {
    return declaredInFile.contains(simpleName);
  }
}

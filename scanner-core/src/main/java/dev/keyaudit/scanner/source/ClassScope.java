package dev.keyaudit.scanner.source;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One class body of the file (top-level, member, local or anonymous): its fields and method names,
 * and the enclosing class whose members it can see.
 */
final class ClassScope {

  private final String name;
  private final ClassScope outer;
  private final List<BodyDeclaration<?>> members;
  private final TypeDeclaration<?> declaration;
  private final Map<String, FieldInfo> fields = new LinkedHashMap<>();
  private final Set<String> methodNames = new HashSet<>();
  private final Map<String, ClassScope> memberTypes = new LinkedHashMap<>();

  private ClassScope(
      String name,
      ClassScope outer,
      List<BodyDeclaration<?>> members,
      TypeDeclaration<?> declaration) {
    this.name = name;
    this.outer = outer;
    this.members = members;
    this.declaration = declaration;
  }

  /** Scope of a declared type and, recursively, of its member types. */
  static ClassScope of(TypeDeclaration<?> type, ClassScope outer, FileContext file) {
    String name =
        outer == null ? type.getNameAsString() : outer.name + "." + type.getNameAsString();
    ClassScope scope = new ClassScope(name, outer, type.getMembers(), type);
    boolean constantsOnly =
        type instanceof ClassOrInterfaceDeclaration c && c.isInterface()
            || type.isAnnotationDeclaration();
    if (type instanceof RecordDeclaration record) {
      for (Parameter component : record.getParameters()) {
        scope.addField(
            new FieldInfo(
                component.getNameAsString(),
                scope,
                TypeNames.of(component.getType(), file.types),
                true,
                null,
                file.at(component)));
      }
    }
    scope.collect(file, constantsOnly);
    return scope;
  }

  /** Scope of an anonymous class body or a class declared in a method. */
  static ClassScope local(
      String name, ClassScope outer, NodeList<BodyDeclaration<?>> members, FileContext file) {
    ClassScope scope = new ClassScope(outer.name + "." + name, outer, members, null);
    scope.collect(file, false);
    return scope;
  }

  private void collect(FileContext file, boolean constantsOnly) {
    for (BodyDeclaration<?> member : members) {
      if (member instanceof FieldDeclaration field) {
        boolean isFinal = constantsOnly || field.hasModifier(Modifier.Keyword.FINAL);
        for (VariableDeclarator v : field.getVariables()) {
          addField(
              new FieldInfo(
                  v.getNameAsString(),
                  this,
                  TypeNames.of(v.getType(), file.types),
                  isFinal,
                  v.getInitializer().orElse(null),
                  file.at(v)));
        }
      } else if (member instanceof MethodDeclaration method) {
        methodNames.add(method.getNameAsString());
      } else if (member instanceof TypeDeclaration<?> nested) {
        memberTypes.put(nested.getNameAsString(), ClassScope.of(nested, this, file));
      }
    }
  }

  private void addField(FieldInfo field) {
    fields.put(field.name, field);
  }

  String name() {
    return name;
  }

  /** The declaration, or null for an anonymous class body. */
  TypeDeclaration<?> declaration() {
    return declaration;
  }

  ClassScope outer() {
    return outer;
  }

  List<BodyDeclaration<?>> members() {
    return members;
  }

  Map<String, ClassScope> memberTypes() {
    return memberTypes;
  }

  Iterable<FieldInfo> fields() {
    return fields.values();
  }

  /** A field visible here by simple name: this class's, then the enclosing classes'. */
  FieldInfo field(String simpleName) {
    for (ClassScope s = this; s != null; s = s.outer) {
      FieldInfo f = s.fields.get(simpleName);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  FieldInfo ownField(String simpleName) {
    return fields.get(simpleName);
  }

  /** Whether an unqualified call {@code name(...)} can mean a method of this or an outer class. */
  boolean declaresMethod(String methodName) {
    for (ClassScope s = this; s != null; s = s.outer) {
      if (s.methodNames.contains(methodName)) {
        return true;
      }
    }
    return false;
  }

  /** A member type visible by simple name from here (own, then enclosing classes'). */
  ClassScope visibleMemberType(String simpleName) {
    for (ClassScope s = this; s != null; s = s.outer) {
      if (s.name.endsWith("." + simpleName) || s.name.equals(simpleName)) {
        return s;
      }
      ClassScope m = s.memberTypes.get(simpleName);
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return name;
  }
}

package dev.keyaudit.scanner.source;

import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VarType;

/**
 * The type of a declaration as the frontend needs it: an API type's fully qualified name, a
 * primitive name ({@code int}), a primitive array ({@code byte[]}), {@code var}, or null.
 */
final class TypeNames {

  static final String VAR = "var";

  private TypeNames() {}

  static String of(Type type, TypeResolver types) {
    if (type instanceof PrimitiveType p) {
      return p.asString();
    }
    if (type instanceof ArrayType a) {
      Type component = a.getComponentType();
      return component instanceof PrimitiveType p ? p.asString() + "[]" : null;
    }
    if (type instanceof VarType) {
      return VAR;
    }
    if (type instanceof ClassOrInterfaceType c) {
      return types.resolve(c).orElse(null);
    }
    return null;
  }

  static boolean isIntegral(String type) {
    return "int".equals(type)
        || "long".equals(type)
        || "short".equals(type)
        || "byte".equals(type)
        || "char".equals(type);
  }
}

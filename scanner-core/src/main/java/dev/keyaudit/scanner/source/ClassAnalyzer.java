package dev.keyaudit.scanner.source;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import java.util.stream.Collectors;

/**
 * Analyses one class body: first its field initialisers and initialiser blocks in source order (so
 * that methods know which objects the fields were created with), then every constructor and method
 * on its own flow state, then its member types.
 */
final class ClassAnalyzer {

  private ClassAnalyzer() {}

  static void analyze(FileContext file, ClassScope scope) {
    Env classEnv = Env.empty();
    StatementWalker initializers =
        new StatementWalker(file, scope, scope.name() + " initializer", null);
    if (scope.declaration() instanceof EnumDeclaration enumDeclaration) {
      for (EnumConstantDeclaration constant : enumDeclaration.getEntries()) {
        for (Expression arg : constant.getArguments()) {
          initializers.evaluator().eval(arg, classEnv);
        }
        if (!constant.getClassBody().isEmpty()) {
          ClassScope body =
              ClassScope.local(constant.getNameAsString(), scope, constant.getClassBody(), file);
          file.registerFields(body);
          analyze(file, body);
        }
      }
    }
    for (BodyDeclaration<?> member : scope.members()) {
      if (member instanceof FieldDeclaration field) {
        for (VariableDeclarator v : field.getVariables()) {
          FieldInfo info = scope.ownField(v.getNameAsString());
          if (info != null && info.initializer != null) {
            initializers.fieldInitializer(info, classEnv);
          }
        }
      } else if (member instanceof InitializerDeclaration block) {
        initializers.walk(block.getBody(), classEnv);
      }
    }
    for (BodyDeclaration<?> member : scope.members()) {
      if (member instanceof ConstructorDeclaration c) {
        new StatementWalker(file, scope, scope.name() + signature(c.getParameters()), null)
            .walkCallable(c.getParameters(), c.getBody());
      } else if (member instanceof CompactConstructorDeclaration c) {
        new StatementWalker(file, scope, scope.name() + "(canonical)", null)
            .walkCallable(new NodeList<>(), c.getBody());
      } else if (member instanceof MethodDeclaration m && m.getBody().isPresent()) {
        String name = scope.name() + "." + m.getNameAsString() + signature(m.getParameters());
        new StatementWalker(file, scope, name, m.getNameAsString())
            .walkCallable(m.getParameters(), m.getBody().get());
      }
    }
    for (ClassScope nested : scope.memberTypes().values()) {
      analyze(file, nested);
    }
  }

  /** "(int, SecureRandom)" as written, for messages. */
  private static String signature(NodeList<Parameter> parameters) {
    return parameters.stream()
        .map(p -> p.getType().asString() + (p.isVarArgs() ? "..." : ""))
        .collect(Collectors.joining(", ", "(", ")"));
  }
}

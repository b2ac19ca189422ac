package dev.keyaudit.scanner.source;

import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.List;

/**
 * A field initialiser whose value never survives construction: every constructor (or, for a static
 * field, a static initialiser) assigns the field unconditionally. {@code private SecureRandom rng =
 * weak(); Vault() { rng = strong(); }} only ever holds the strong one when it is used, so the
 * initialiser is not one of the field's values.
 */
final class OverwrittenInitializers {

  private OverwrittenInitializers() {}

  static boolean overwritten(TypeDeclaration<?> type, String field, boolean isStatic) {
    if (isStatic) {
      for (BodyDeclaration<?> m : type.getMembers()) {
        if (m instanceof InitializerDeclaration init
            && init.isStatic()
            && assigns(init.getBody(), field, List.of())) {
          return true;
        }
      }
      return false;
    }
    List<ConstructorDeclaration> constructors = type.getConstructors();
    if (constructors.isEmpty()) {
      return false;
    }
    for (ConstructorDeclaration c : constructors) {
      List<String> params = c.getParameters().stream().map(p -> p.getNameAsString()).toList();
      boolean delegates =
          !c.getBody().getStatements().isEmpty()
              && c.getBody().getStatement(0) instanceof ExplicitConstructorInvocationStmt e
              && e.isThis();
      // this(...) runs another constructor of the class, which is checked on its own.
      if (!delegates && !assigns(c.getBody(), field, params)) {
        return false;
      }
    }
    return true;
  }

  /** A top-level statement of {@code body} assigns the field (not a same-named parameter). */
  private static boolean assigns(BlockStmt body, String field, List<String> params) {
    for (Statement s : body.getStatements()) {
      if (s instanceof ExpressionStmt es
          && es.getExpression() instanceof AssignExpr a
          && a.getOperator() == AssignExpr.Operator.ASSIGN
          && targets(a.getTarget(), field, params)) {
        return true;
      }
    }
    return false;
  }

  private static boolean targets(Expression target, String field, List<String> params) {
    if (target instanceof NameExpr n) {
      return n.getNameAsString().equals(field) && !params.contains(field);
    }
    return target instanceof FieldAccessExpr f
        && f.getScope() instanceof ThisExpr
        && f.getNameAsString().equals(field);
  }
}

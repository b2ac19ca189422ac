package dev.keyaudit.scanner.resolve;

/**
 * Turns IR expressions into candidate values with traces, across the whole project: constants of
 * any class, fields set in constructors and setters, method returns, parameters through their call
 * sites (with call-site context), configuration. Implementations are memoised, depth-bounded and
 * cycle-safe, safe to call from several threads, and give the same answer whatever the order of
 * calls.
 */
public interface ValueResolver {

  /** What {@code expr} may evaluate to. */
  Resolved resolve(Expr expr);

  /** Every value a field may hold (initialiser, constructors, setters). */
  Resolved field(String owner, String name);

  /** Every value parameter {@code index} of {@code method} receives from its call sites. */
  Resolved parameter(MethodRef method, int index);

  /** Every value {@code method} may return for arbitrary arguments. */
  Resolved returns(MethodRef method);
}

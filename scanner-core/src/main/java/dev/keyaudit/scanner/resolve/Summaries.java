package dev.keyaudit.scanner.resolve;

import dev.keyaudit.rules.model.Location;
import java.util.List;

/**
 * What a frontend hands to the project-wide phase, per file, after lowering: the declarations and
 * call sites the {@link ValueResolver} needs, in the IR. Frontends build these in parallel; the
 * {@link ProjectIndex} sorts them, so the outcome does not depend on the thread count.
 */
public final class Summaries {

  private Summaries() {}

  /** One scanned file (a source file or a class file). */
  public record FileSummary(String path, List<TypeSummary> types) {
    public FileSummary {
      types = List.copyOf(types);
    }
  }

  /**
   * One class, interface, enum or record. {@code supertypes} are qualified when the frontend could
   * tell (inherited constants and overriding are looked up through them).
   */
  public record TypeSummary(
      String name,
      List<String> supertypes,
      List<FieldSummary> fields,
      List<MethodSummary> methods,
      List<CallSiteSummary> callSites) {
    public TypeSummary {
      supertypes = List.copyOf(supertypes);
      fields = List.copyOf(fields);
      methods = List.copyOf(methods);
      callSites = List.copyOf(callSites);
    }
  }

  /**
   * A field and every expression assigned to it anywhere in its class: the initialiser, assignments
   * in constructors, initialiser blocks and setters. {@code effectivelyConstant} is true when only
   * the initialiser or constructors assign it (final, or never reassigned after construction).
   */
  public record FieldSummary(
      String name,
      boolean isStatic,
      boolean effectivelyConstant,
      Location at,
      List<Expr> assigned) {
    public FieldSummary {
      assigned = List.copyOf(assigned);
    }
  }

  /** A method (or constructor, named {@code <init>}) and the expressions it may return. */
  public record MethodSummary(
      MethodRef ref, List<String> parameterNames, Location at, List<Expr> returns) {
    public MethodSummary {
      parameterNames = List.copyOf(parameterNames);
      returns = List.copyOf(returns);
    }
  }

  /** A call from {@code caller} to {@code callee} with its argument expressions. */
  public record CallSiteSummary(MethodRef caller, MethodRef callee, Location at, List<Expr> args) {
    public CallSiteSummary {
      args = List.copyOf(args);
    }
  }
}

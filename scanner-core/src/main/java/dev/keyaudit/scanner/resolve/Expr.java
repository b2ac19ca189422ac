package dev.keyaudit.scanner.resolve;

import dev.keyaudit.rules.model.Location;
import java.util.List;
import java.util.Objects;

/**
 * The frontend-neutral IR of a value: what an argument, a return or a field assignment is made of.
 * The source frontend lowers JavaParser expressions into it, the bytecode frontend lowers stack
 * operations; the {@link ValueResolver} turns it into candidates with traces.
 *
 * <p>Every node that a reviewer would want to see on the path carries a {@link Location} and the
 * resolver adds a trace step for it. Class names are binary-style qualified names ({@code
 * com.acme.Keys}, nested {@code com.acme.Outer.Inner}); a frontend that cannot qualify a name
 * passes the simple name and the index matches it when it is unambiguous.
 */
public sealed interface Expr
    permits Expr.Const,
        Expr.FieldRef,
        Expr.ParamRef,
        Expr.Call,
        Expr.Concat,
        Expr.Format,
        Expr.Arith,
        Expr.Branches,
        Expr.ConfigLookup,
        Expr.Step,
        Expr.Drawn,
        Expr.Unknown {

  /** A literal: boxed primitive, {@code String}, {@code null} as {@link #NULL}. */
  record Const(Object value, Location at) implements Expr {
    public Const {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A field of a class ({@code owner} qualified), static or of {@code this}. */
  record FieldRef(String owner, String name, Location at) implements Expr {}

  /** Parameter {@code index} (0-based, receiver not counted) of {@code method}. */
  record ParamRef(MethodRef method, int index, String name, Location at) implements Expr {}

  /**
   * The result of calling {@code callee} with {@code args}. Library calls that are pure on
   * constants ({@code String.valueOf}, {@code Integer.parseInt}, {@code Supplier.get} of a constant
   * lambda) are lowered by the frontend as {@link Const}/{@link Format}/... instead.
   */
  record Call(MethodRef callee, List<Expr> args, Location at) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** String concatenation of the parts, in order. */
  record Concat(List<Expr> parts) implements Expr {
    public Concat {
      parts = List.copyOf(parts);
    }
  }

  /** {@code String.format(format, args)}. */
  record Format(Expr format, List<Expr> args) implements Expr {
    public Format {
      args = List.copyOf(args);
    }
  }

  /**
   * Integer arithmetic: {@code op} is one of {@code + - * / % << >> & | ^}; unary minus is 0 - x.
   */
  record Arith(String op, Expr left, Expr right) implements Expr {}

  /**
   * Alternatives (ternary, if/switch branches, several assignments). A branch proven dead by the
   * frontend is not lowered at all.
   */
  record Branches(List<Expr> alternatives) implements Expr {
    public Branches {
      alternatives = List.copyOf(alternatives);
    }
  }

  /** A configuration lookup: what {@code key} is set to at run time, else {@code fallback}. */
  record ConfigLookup(ConfigKind kind, Expr key, Expr fallback, Location at) implements Expr {}

  /** {@code inner}, with a step on the path ("local bits", "returned by keySize()"). */
  record Step(Expr inner, Location at, String message) implements Expr {}

  /**
   * Output drawn from the object {@code source} evaluates to ({@code rng.nextBytes(buf)} fills buf
   * with it, {@code rng.nextInt()} returns it): resolves to a {@link LibraryObjects.Drawn} of each
   * created object the source may be.
   */
  record Drawn(Expr source, String method, Location at) implements Expr {}

  /** Cannot be told statically ({@code System.getenv}, I/O, user input); says why. */
  record Unknown(String reason) implements Expr {
    public Unknown {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Where a configuration value is read from. */
  enum ConfigKind {
    /** {@code System.getProperty(k, default)}: a JVM system property. */
    SYSTEM_PROPERTY,
    /** {@code Properties.getProperty(k, default)} on a loaded properties file. */
    PROPERTIES,
    /** Spring {@code @Value("${k:default}")}, {@code Environment.getProperty}, bound properties. */
    SPRING
  }

  /** The {@code null} literal. */
  Object NULL = NullValue.INSTANCE;

  /** Marker type for the {@code null} literal (a record cannot hold a Java null as a value). */
  enum NullValue {
    INSTANCE
  }

  static Expr constant(Object value, Location at) {
    return new Const(value, at);
  }

  static Expr unknown(String reason) {
    return new Unknown(reason);
  }
}

package dev.keyaudit.scanner.resolve;

import dev.keyaudit.rules.model.Location;
import java.util.List;

/**
 * Objects that library code creates and the engine follows like any other value: through locals,
 * fields, parameters and returns. Which library calls create such objects is the {@link Model}'s
 * business (the JCA knowledge lives in {@code scanner.jca}); the engine only carries them, so a
 * {@code SecureRandom} built in one class and handed to a key generator in another resolves to its
 * creation with the whole path.
 */
public final class LibraryObjects {

  private LibraryObjects() {}

  /** What the engine knows of library code outside the project. */
  public interface Model {

    /**
     * True when calling {@code callee} (a constructor {@code <init>} or a factory) creates an
     * object worth following.
     */
    boolean creates(MethodRef callee);

    /** A library constant's value (an enum constant as its name), or null when not known. */
    Object constant(String owner, String name);

    /** Knows nothing: library calls stay unknown. */
    Model NONE =
        new Model() {
          @Override
          public boolean creates(MethodRef callee) {
            return false;
          }

          @Override
          public Object constant(String owner, String name) {
            return null;
          }
        };
  }

  /**
   * An object created by {@code factory} with its arguments, each resolved where the object was
   * created (their candidates carry their own traces).
   */
  public record Created(MethodRef factory, List<Resolved> args, Location at) {
    public Created {
      args = List.copyOf(args);
    }

    public boolean isConstructor() {
      return factory.name().equals("<init>");
    }

    /** "new SecureRandom()" or "SecureRandom.getInstance()", for trace messages. */
    public String api() {
      return isConstructor()
          ? "new " + factory.simpleOwner() + "()"
          : factory.simpleOwner() + "." + factory.name() + "()";
    }
  }

  /**
   * Output drawn from a created object ({@code nextBytes}, {@code nextInt}...), and anything
   * computed from it: it stays the output of {@code source}.
   */
  public record Drawn(Created source) {}
}

package dev.keyaudit.keygen;

import java.lang.StackWalker.StackFrame;
import java.security.CodeSource;
import java.util.Objects;

/**
 * The code that asked for a key: the first stack frame outside this library.
 *
 * @param function fully qualified method, "com.acme.Signer.rotate"
 * @param file source file name, or null when compiled without debug information
 * @param line line number, or -1 when unknown
 */
public record CallSite(String function, String file, int line) {

  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
  private static final CodeSource LIBRARY = CallSite.class.getProtectionDomain().getCodeSource();

  static final CallSite UNKNOWN = new CallSite("unknown", null, -1);

  public CallSite {
    Objects.requireNonNull(function, "function");
  }

  /** The nearest caller outside this library. */
  static CallSite capture() {
    return WALKER.walk(
        frames ->
            frames
                .filter(f -> !isLibraryFrame(f))
                .findFirst()
                .map(
                    f ->
                        new CallSite(
                            f.getClassName() + "." + f.getMethodName(),
                            f.getFileName(),
                            f.getLineNumber()))
                .orElse(UNKNOWN));
  }

  // Same package *and* same jar or directory: the library's own tests share the package but not
  // the code source, and count as callers.
  private static boolean isLibraryFrame(StackFrame f) {
    Class<?> c = f.getDeclaringClass();
    return c.getPackageName().equals(CallSite.class.getPackageName())
        && Objects.equals(c.getProtectionDomain().getCodeSource(), LIBRARY);
  }
}

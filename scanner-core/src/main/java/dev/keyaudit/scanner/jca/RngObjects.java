package dev.keyaudit.scanner.jca;

import dev.keyaudit.scanner.resolve.LibraryObjects;
import dev.keyaudit.scanner.resolve.LibraryObjects.Created;
import dev.keyaudit.scanner.resolve.MethodRef;
import java.util.Set;

/**
 * The random generators the resolution engine follows as objects: {@code SecureRandom} constructors
 * and factories, {@code java.util.Random}, {@code SplittableRandom}, {@code
 * ThreadLocalRandom.current()}, and the {@code DrbgParameters.instantiation(...)} a DRBG is asked
 * for with. Both frontends lower these calls as ordinary calls; the engine asks this model which
 * ones create an object.
 */
public final class RngObjects {

  private RngObjects() {}

  /** Methods that hand out a generator's output, besides every {@code next*} method. */
  private static final Set<String> DRAWS = Set.of("generateSeed", "ints", "longs", "doubles");

  /** Whether a call named {@code method} on a random generator draws from it. */
  public static boolean isDraw(String method) {
    return DRAWS.contains(method) || method.startsWith("next");
  }

  private static final Set<String> CAPABILITIES = Set.of("PR_AND_RESEED", "RESEED_ONLY", "NONE");

  public static final LibraryObjects.Model MODEL =
      new LibraryObjects.Model() {
        @Override
        public boolean creates(MethodRef callee) {
          return kind(callee.owner(), callee.name()) != null;
        }

        @Override
        public Object constant(String owner, String name) {
          return normal(owner).equals(JcaApi.DRBG_CAPABILITY) && CAPABILITIES.contains(name)
              ? name
              : null;
        }
      };

  /** What a created object is. */
  public enum Kind {
    SECURE_RANDOM,
    NON_CRYPTO_RANDOM,
    DRBG_PARAMETERS
  }

  /** The kind of object {@code owner.name(...)} creates, or null when it is not one followed. */
  public static Kind kind(String owner, String name) {
    String type = normal(owner);
    return switch (type) {
      case JcaApi.SECURE_RANDOM ->
          name.equals("<init>") || name.equals("getInstance") || name.equals("getInstanceStrong")
              ? Kind.SECURE_RANDOM
              : null;
      case JcaApi.RANDOM, JcaApi.SPLITTABLE_RANDOM ->
          name.equals("<init>") ? Kind.NON_CRYPTO_RANDOM : null;
      case JcaApi.THREAD_LOCAL_RANDOM -> name.equals("current") ? Kind.NON_CRYPTO_RANDOM : null;
      case JcaApi.DRBG_PARAMETERS -> name.equals("instantiation") ? Kind.DRBG_PARAMETERS : null;
      default -> null;
    };
  }

  public static Kind kind(Created created) {
    return kind(created.factory().owner(), created.factory().name());
  }

  /** The generator's type as the facts name it: "java.util.Random", "SecureRandom"... */
  public static String type(Created created) {
    return normal(created.factory().owner());
  }

  /** Bytecode writes nested types with '$'. */
  private static String normal(String owner) {
    return owner.replace('$', '.');
  }
}

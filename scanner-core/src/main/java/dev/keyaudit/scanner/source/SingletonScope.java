package dev.keyaudit.scanner.source;

/**
 * {@code Holder.INSTANCE.rng()}: a call on a constant of a type (an enum singleton, a static {@code
 * INSTANCE} field of its own class) goes to that type's method. Without a symbol solver the
 * constant's type is taken to be the type that declares it, which is what the singleton idiom is.
 */
final class SingletonScope {

  private SingletonScope() {}

  /** The type part of a dotted receiver ending in a constant's name, else the receiver itself. */
  static String typeOf(String dotted) {
    int lastDot = dotted.lastIndexOf('.');
    if (lastDot <= 0) {
      return dotted;
    }
    String last = dotted.substring(lastDot + 1);
    boolean constant =
        last.length() > 1
            && last.chars()
                .allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c) || c == '_');
    return constant ? dotted.substring(0, lastDot) : dotted;
  }
}

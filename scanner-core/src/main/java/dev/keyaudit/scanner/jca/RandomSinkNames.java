package dev.keyaudit.scanner.jca;

import dev.keyaudit.rules.facts.NonCryptoRandomUse.RandomSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which security-sensitive sink an identifier names ({@code sessionToken}, {@code iv}, {@code
 * generatePassword}): random output stored or returned under such a name is a secret. Shared by the
 * per-method tracer and the project-wide search for random output.
 */
public final class RandomSinkNames {

  private static final Map<String, RandomSink> WORDS =
      Map.ofEntries(
          Map.entry("key", RandomSink.KEY_MATERIAL),
          Map.entry("keys", RandomSink.KEY_MATERIAL),
          Map.entry("secret", RandomSink.KEY_MATERIAL),
          Map.entry("secrets", RandomSink.KEY_MATERIAL),
          Map.entry("iv", RandomSink.IV),
          Map.entry("nonce", RandomSink.IV),
          Map.entry("salt", RandomSink.SALT),
          Map.entry("seed", RandomSink.SEED),
          Map.entry("password", RandomSink.PASSWORD),
          Map.entry("passwd", RandomSink.PASSWORD),
          Map.entry("pwd", RandomSink.PASSWORD),
          Map.entry("passphrase", RandomSink.PASSWORD),
          Map.entry("passcode", RandomSink.PASSWORD),
          Map.entry("token", RandomSink.TOKEN),
          Map.entry("otp", RandomSink.TOKEN),
          Map.entry("session", RandomSink.TOKEN));

  /** Names such as {@code keySize} or {@code saltLength} describe a parameter, not the secret. */
  private static final Set<String> DESCRIPTIVE =
      Set.of(
          "size",
          "length",
          "len",
          "count",
          "index",
          "idx",
          "alias",
          "name",
          "type",
          "bits",
          "algorithm",
          "alg",
          "format",
          "timeout",
          "expiry",
          "ttl");

  /** Joined lower-case names ({@code sessionid}, {@code apitoken}) are matched by substring. */
  private static final List<String> JOINED =
      List.of("password", "passwd", "secret", "token", "session", "nonce");

  private RandomSinkNames() {}

  /** The sink an identifier names, or null when it names none. */
  public static RandomSink forName(String identifier) {
    List<String> words = words(identifier);
    RandomSink best = null;
    for (String word : words) {
      if (DESCRIPTIVE.contains(word)) {
        return null;
      }
      RandomSink sink = WORDS.get(word);
      if (sink != null && (best == null || sink.ordinal() < best.ordinal())) {
        best = sink;
      }
    }
    if (best == null && words.size() == 1) {
      String lower = words.get(0);
      for (String joined : JOINED) {
        if (lower.contains(joined)) {
          return forName(joined);
        }
      }
    }
    return best;
  }

  /** camelCase, snake_case and digits split into lower-case words. */
  public static List<String> words(String identifier) {
    List<String> words = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char[] chars = identifier.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      boolean boundary =
          !Character.isLetter(c)
              || (Character.isUpperCase(c)
                  && current.length() > 0
                  && (Character.isLowerCase(chars[i - 1])
                      || (i + 1 < chars.length && Character.isLowerCase(chars[i + 1]))));
      if (boundary && current.length() > 0) {
        words.add(current.toString().toLowerCase(Locale.ROOT));
        current.setLength(0);
      }
      if (Character.isLetter(c)) {
        current.append(c);
      }
    }
    if (current.length() > 0) {
      words.add(current.toString().toLowerCase(Locale.ROOT));
    }
    return words;
  }
}

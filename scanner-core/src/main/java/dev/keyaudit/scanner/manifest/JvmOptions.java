package dev.keyaudit.scanner.manifest;

/**
 * Reads JVM options wherever they are written ({@code JAVA_OPTS}, {@code JAVA_TOOL_OPTIONS}, {@code
 * .mvn/jvm.config}, {@code *.vmoptions}, {@code java -D...} commands, container args): {@code
 * -Djava.security.egd}, {@code -Djavax.net.ssl.keyStorePassword} and other {@code -D} settings with
 * secret-like names.
 */
final class JvmOptions {

  private JvmOptions() {}

  static void scan(String options, int line, FileFacts facts) {
    for (String word : ShellWords.split(options)) {
      option(word, line, facts);
    }
  }

  static void option(String word, int line, FileFacts facts) {
    if (!word.startsWith("-D") || word.indexOf('=') < 3) {
      return;
    }
    int eq = word.indexOf('=');
    String name = word.substring(2, eq);
    String value = word.substring(eq + 1);
    facts.rngProperty(name, value, line);
    SecretNames.classify(name).ifPresent(kind -> facts.secret(name, value, line, kind));
  }
}

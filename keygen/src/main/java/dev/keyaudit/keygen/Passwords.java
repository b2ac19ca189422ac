package dev.keyaudit.keygen;

import java.io.Console;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Reads key passwords from where secrets belong (the console, an environment variable, a file) into
 * a {@code char[]} the caller clears after use. There is deliberately no method that takes a
 * password as a string.
 */
public final class Passwords {

  private Passwords() {}

  /**
   * The value of environment variable {@code name}. (The JVM keeps environment values as strings;
   * this copy can be cleared, theirs cannot.)
   *
   * @throws IllegalArgumentException when it is unset or empty
   */
  public static char[] fromEnvironment(String name) {
    return fromEnvironment(name, System::getenv);
  }

  /** As {@link #fromEnvironment(String)}, looking the variable up in {@code environment}. */
  public static char[] fromEnvironment(String name, UnaryOperator<String> environment) {
    String value = environment.apply(Objects.requireNonNull(name, "name"));
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("environment variable " + name + " is not set or empty");
    }
    return value.toCharArray();
  }

  /**
   * The first line of a UTF-8 file, without its line break. The file's bytes are cleared from
   * memory after decoding.
   *
   * @throws IllegalArgumentException when that line is empty
   */
  public static char[] fromFile(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    CharBuffer chars = null;
    try {
      chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      int end = 0;
      while (end < chars.limit() && chars.get(end) != '\n' && chars.get(end) != '\r') {
        end++;
      }
      if (end == 0) {
        throw new IllegalArgumentException("password file " + file + " starts with an empty line");
      }
      char[] password = new char[end];
      chars.get(password, 0, end);
      return password;
    } catch (CharacterCodingException e) {
      throw new IOException("password file " + file + " is not UTF-8", e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
      if (chars != null && chars.hasArray()) {
        Arrays.fill(chars.array(), '\0');
      }
    }
  }

  /**
   * Asks on the console, without echo; with {@code confirm}, asks twice and insists on a match.
   *
   * @throws IllegalStateException when there is no console (not a terminal)
   */
  public static char[] fromConsole(String prompt, boolean confirm) {
    Console console = System.console();
    if (console == null) {
      throw new IllegalStateException("no console to read a password from");
    }
    char[] first = console.readPassword("%s: ", prompt);
    if (first == null || first.length == 0) {
      throw new IllegalArgumentException("empty password");
    }
    if (confirm) {
      char[] again = console.readPassword("%s (again): ", prompt);
      boolean same = Arrays.equals(first, again);
      if (again != null) {
        Arrays.fill(again, '\0');
      }
      if (!same) {
        Arrays.fill(first, '\0');
        throw new IllegalArgumentException("passwords do not match");
      }
    }
    return first;
  }
}

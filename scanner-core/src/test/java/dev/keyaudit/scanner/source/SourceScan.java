package dev.keyaudit.scanner.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.scanner.scan.InputFile;
import java.nio.file.Path;
import java.util.List;

/** Runs the analysis of one source text (JDK 17 unless told) and picks facts out of it. */
final class SourceScan {

  static final String PATH = "src/main/java/com/acme/Keys.java";

  private SourceScan() {}

  static FileResult scan(String source) {
    return scan(source, 17);
  }

  static FileResult scan(String source, int targetJdk) {
    return analyzeText(PATH, source, targetJdk);
  }

  /** The facts, waivers and notes of one file's text, as the frontend analyses a file. */
  static FileResult analyzeText(String path, String text, int targetJdk) {
    SamePackageTypes samePackage = new SamePackageTypes();
    samePackage.add(text);
    SourceFile source = new SourceFile(new InputFile(Path.of(path), path), text, List.of());
    return new JavaFileAnalyzer(samePackage, targetJdk).analyze(source);
  }

  static <T extends Fact> List<T> facts(FileResult result, Class<T> type) {
    return result.facts().stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The one fact of that type; fails when there are none or several. */
  static <T extends Fact> T single(String source, Class<T> type) {
    List<T> facts = facts(scan(source), type);
    assertThat(facts).as("%s facts in%n%s", type.getSimpleName(), source).hasSize(1);
    return facts.get(0);
  }

  /** A class body wrapped in a compilation unit importing the usual JCA types. */
  static String inClass(String body) {
    return """
        package com.acme;

        import java.math.BigInteger;
        import java.security.*;
        import java.security.spec.*;
        import java.util.*;
        import javax.crypto.*;
        import javax.crypto.spec.*;

        public class Keys {
        %s
        }
        """
        .formatted(body);
  }

  static <T> T known(Value<T> value) {
    assertThat(value).isInstanceOf(Value.Known.class);
    return ((Value.Known<T>) value).value();
  }

  static List<TraceStep> trace(Value<?> value) {
    assertThat(value).isInstanceOf(Value.Known.class);
    return ((Value.Known<?>) value).trace();
  }

  static String unknownWhy(Value<?> value) {
    assertThat(value).isInstanceOf(Value.Unknown.class);
    return ((Value.Unknown<?>) value).why();
  }

  /** Values of every branch (Known or OneOf). */
  static <T> List<T> values(Value<T> value) {
    return value.candidates().stream().map(Value.Known::value).toList();
  }

  /** The 1-based line of the first line of {@code source} that contains {@code text}. */
  static int lineOf(String source, String text) {
    List<String> lines = source.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line contains " + text);
  }
}

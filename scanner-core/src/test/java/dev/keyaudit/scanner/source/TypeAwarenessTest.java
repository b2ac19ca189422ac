package dev.keyaudit.scanner.source;

import static dev.keyaudit.scanner.source.SourceScan.facts;
import static dev.keyaudit.scanner.source.SourceScan.known;
import static dev.keyaudit.scanner.source.SourceScan.scan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.facts.AlgorithmUse;
import dev.keyaudit.rules.facts.KeyGeneration;
import dev.keyaudit.rules.facts.KeyPairGeneration;
import dev.keyaudit.rules.facts.NonCryptoRandomUse;
import dev.keyaudit.rules.facts.RngSeeding;
import dev.keyaudit.scanner.scan.InputFile;
import dev.keyaudit.scanner.scan.ScanContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only the real JDK types produce facts, however they are named; lookalikes never do. */
class TypeAwarenessTest {

  @Test
  void singleTypeImport() {
    String src =
        """
        import javax.crypto.Cipher;
        class A { Object c() throws Exception { return Cipher.getInstance("DES"); } }
        """;
    assertThat(known(facts(scan(src), AlgorithmUse.class).get(0).algorithm())).isEqualTo("DES");
  }

  @Test
  void onDemandImport() {
    String src =
        """
        import javax.crypto.*;
        class A { Object c() throws Exception { return Mac.getInstance("HmacMD5"); } }
        """;
    assertThat(facts(scan(src), AlgorithmUse.class))
        .extracting(AlgorithmUse::api)
        .containsExactly("Mac");
  }

  @Test
  void fullyQualifiedWithoutImport() {
    String src =
        """
        class A {
          Object c() throws Exception { return javax.crypto.KeyGenerator.getInstance("AES"); }
          Object d() throws Exception { return java.security.MessageDigest.getInstance("MD5"); }
        }
        """;
    assertThat(facts(scan(src), KeyGeneration.class)).hasSize(1);
    assertThat(facts(scan(src), AlgorithmUse.class)).hasSize(1);
  }

  @Test
  void varTakesTheTypeFromTheInitializer() {
    String src =
        """
        import java.security.KeyPairGenerator;
        class A {
          Object g() throws Exception {
            var kpg = KeyPairGenerator.getInstance("RSA");
            kpg.initialize(1024);
            return kpg.generateKeyPair();
          }
        }
        """;
    assertThat(known(facts(scan(src), KeyPairGeneration.class).get(0).keySize())).isEqualTo(1024);
  }

  @Test
  void classFromAnotherPackageIsALookalike() {
    String src =
        """
        import com.acme.KeyGenerator;
        import javax.crypto.*;
        class A { Object g() { return KeyGenerator.getInstance("AES").generateKey(); } }
        """;
    assertThat(scan(src).facts()).isEmpty();
  }

  @Test
  void nestedClassShadowsTheImport() {
    String src =
        """
        import javax.crypto.Cipher;
        class A {
          static class Cipher { static Cipher getInstance(String s) { return null; } }
          Object c() { return Cipher.getInstance("DES"); }
        }
        """;
    assertThat(scan(src).facts()).isEmpty();
  }

  @Test
  void typeDeclaredInTheSameFileShadowsAnOnDemandImport() {
    String src =
        """
        import java.util.*;
        class A { int roll() { return new Random().nextInt(6); } }
        class Random { int nextInt(int n) { return 4; } }
        """;
    assertThat(scan(src).facts()).isEmpty();
  }

  @Test
  void typeParameterNamedLikeAnApiTypeIsNotTheApi() {
    String shadowed =
        """
        import java.util.*;
        class A<Random extends A.Seedable> {
          interface Seedable { void setSeed(long seed); }
          void seed(Random r) { r.setSeed(42L); }
        }
        """;
    String real =
        """
        import java.util.*;
        class A { void seed(Random r) { r.setSeed(42L); } }
        """;
    assertThat(scan(shadowed).facts()).isEmpty();
    assertThat(facts(scan(real), RngSeeding.class)).hasSize(1);
  }

  @Test
  void mathRandomThroughJavaLangAndStaticImports() {
    String src =
        """
        import static java.lang.Math.random;
        class A {
          double a() { return Math.random(); }
          double b() { return random(); }
          double c() { return java.lang.StrictMath.random(); }
        }
        """;
    assertThat(facts(scan(src), NonCryptoRandomUse.class))
        .extracting(NonCryptoRandomUse::api)
        .containsExactly("Math.random()", "Math.random()", "StrictMath.random()");
  }

  @Test
  void aLocalMethodNamedLikeAStaticImportIsTheLocalMethod() {
    String src =
        """
        import static java.lang.Math.*;
        class A {
          double random() { return 4; }
          double a() { return random(); }
        }
        """;
    assertThat(scan(src).facts()).isEmpty();
  }

  @Test
  void variableNamedLikeATypeIsTheVariable() {
    String src =
        """
        import javax.crypto.Cipher;
        class A {
          Object c(Factory Cipher) { return Cipher.getInstance("DES"); }
          interface Factory { Object getInstance(String s); }
        }
        """;
    assertThat(scan(src).facts()).isEmpty();
  }

  @Test
  void samePackageClassInAnotherFileShadowsOnDemandImportsAndJavaLang(@TempDir Path dir)
      throws Exception {
    Path user = dir.resolve("User.java");
    Files.writeString(
        user,
        """
        package com.acme;
        import java.util.*;
        class User {
          int roll() { return new Random().nextInt(6); }
          double r() { return Math.random(); }
        }
        """);
    Path random = dir.resolve("Random.java");
    Files.writeString(
        random,
        "package com.acme;\npublic class Random { public int nextInt(int n) { return 4; } }\n");
    Path math = dir.resolve("Math.java");
    Files.writeString(
        math,
        "package com.acme;\npublic class Math { public static double random() { return 4; } }\n");
    CollectingSink sink = new CollectingSink();
    new JavaSourceFrontend()
        .analyze(
            List.of(
                new InputFile(user, "com/acme/User.java"),
                new InputFile(random, "com/acme/Random.java"),
                new InputFile(math, "com/acme/Math.java")),
            new ScanContext(17, 2),
            sink);
    assertThat(sink.facts).isEmpty();
  }

  @Test
  void singleTypeImportWinsOverASamePackageClass(@TempDir Path dir) throws Exception {
    Path user = dir.resolve("User.java");
    Files.writeString(
        user,
        """
        package com.acme;
        import java.util.Random;
        class User { int roll() { return new Random().nextInt(6); } }
        """);
    Path random = dir.resolve("Random.java");
    Files.writeString(random, "package com.acme;\npublic class Random {}\n");
    CollectingSink sink = new CollectingSink();
    new JavaSourceFrontend()
        .analyze(
            List.of(
                new InputFile(user, "com/acme/User.java"),
                new InputFile(random, "com/acme/Random.java")),
            new ScanContext(17, 1),
            sink);
    assertThat(sink.facts).hasSize(1).first().isInstanceOf(NonCryptoRandomUse.class);
  }

  @Test
  void nestedApiTypesThroughTheirOuterType() {
    String src =
        """
        import java.security.KeyStore;
        class A {
          Object p() { return new KeyStore.PasswordProtection("pw".toCharArray()); }
        }
        """;
    assertThat(scan(src).facts()).hasSize(1);
  }
}

package dev.keyaudit.scanner.bytecode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.scanner.archive.ZipBuilder;
import dev.keyaudit.scanner.finding.Finding;
import dev.keyaudit.scanner.scan.ScanRequest;
import dev.keyaudit.scanner.scan.ScanResult;
import dev.keyaudit.scanner.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole scan of a Spring Boot fat jar whose application code is compliant and whose bundled
 * dependency generates a weak key: the finding is reported inside the nested jar, the corrupt class
 * next to it becomes a notification, and the application's own classes stay clean.
 */
class FatJarScanTest {

  private static final String APP =
      """
      package com.acme;

      import java.security.KeyPair;
      import java.security.KeyPairGenerator;

      public class App {
        public KeyPair keys() throws Exception {
          KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
          kpg.initialize(3072);
          return kpg.generateKeyPair();
        }
      }
      """;

  private static final String LEGACY =
      """
      package com.weak;

      import java.security.KeyPair;
      import java.security.KeyPairGenerator;

      public class Legacy {
        static final int BITS = 1024;

        public KeyPair keys() throws Exception {
          KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
          kpg.initialize(BITS);
          return kpg.generateKeyPair();
        }
      }
      """;

  private static final String PROVIDER =
      """
      package org.bouncycastle.jcajce.provider;

      import java.security.KeyPairGenerator;

      public class LegacySupport {
        public Object keys() throws Exception {
          KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
          kpg.initialize(512);
          return kpg.generateKeyPair();
        }
      }
      """;

  @Test
  void weakDependencyInsideAFatJarIsFound(@TempDir Path dir) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src"));
    Path app = Files.writeString(src.resolve("App.java"), APP);
    Path legacy = Files.writeString(src.resolve("Legacy.java"), LEGACY);
    Path provider = Files.writeString(src.resolve("LegacySupport.java"), PROVIDER);
    Map<Path, Map<String, byte[]>> classes =
        InMemoryJavac.compile(List.of(app, legacy, provider), 17);
    byte[] bouncyCastle =
        ZipBuilder.jar()
            .add(
                "org/bouncycastle/jcajce/provider/LegacySupport.class",
                classes.get(provider).get("org/bouncycastle/jcajce/provider/LegacySupport"))
            .bytes();
    byte[] dependency =
        ZipBuilder.jar()
            .add(
                "META-INF/maven/com.weak/weak-crypto/pom.properties",
                "groupId=com.weak\nartifactId=weak-crypto\nversion=1.2.3\n")
            .add("com/weak/Legacy.class", classes.get(legacy).get("com/weak/Legacy"))
            .add("com/weak/Broken.class", new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 0, 0, 61, 1})
            .bytes();
    byte[] fatJar =
        ZipBuilder.jar()
            .add("BOOT-INF/classes/com/acme/App.class", classes.get(app).get("com/acme/App"))
            .add("BOOT-INF/lib/weak-crypto-1.2.3.jar", dependency)
            .add("BOOT-INF/lib/bcprov-jdk18on-1.80.jar", bouncyCastle)
            .bytes();
    Path scanned = Files.createDirectories(dir.resolve("dist"));
    Files.write(scanned.resolve("app.jar"), fatJar);

    ScanResult result =
        new Scanner().scan(ScanRequest.builder(List.of(scanned)).targetJdk(17).build());

    String weak = "app.jar!/BOOT-INF/lib/weak-crypto-1.2.3.jar!/com/weak/Legacy.class";
    assertThat(result.findings())
        .extracting(f -> f.ruleId() + " " + f.location())
        .contains("KA102 " + weak + ":11");
    assertThat(result.findings())
        .map(Finding::location)
        .noneMatch(l -> l.path().contains("com/acme/App.class") || l.path().contains("bcprov"));
    assertThat(result.notifications())
        .anyMatch(
            n ->
                n.path()
                        .equals(
                            "app.jar!/BOOT-INF/lib/weak-crypto-1.2.3.jar!/com/weak/Broken.class")
                    && n.message().contains("corrupt class file"));
    assertThat(result.filesByFrontend()).containsEntry("java-bytecode", 1);
    assertThat(result.findings()).noneMatch(f -> f.location().path().contains("bouncycastle"));
  }
}

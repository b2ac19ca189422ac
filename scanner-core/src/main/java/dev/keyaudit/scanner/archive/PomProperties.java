package dev.keyaudit.scanner.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Properties;

/** The Maven coordinates an archive declares in {@code META-INF/maven/<g>/<a>/pom.properties}. */
final class PomProperties {

  private PomProperties() {}

  static boolean isPomProperties(String entryName) {
    return entryName.startsWith("META-INF/maven/") && entryName.endsWith("/pom.properties");
  }

  /** The parsed file, or null when it is malformed (which only costs the coordinates). */
  static Properties parse(byte[] bytes) {
    Properties p = new Properties();
    try {
      p.load(new ByteArrayInputStream(bytes));
      return p;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * {@code groupId:artifactId:version} when exactly one pom.properties names all three; a shaded
   * jar with several cannot say which one it is.
   */
  static String coordinates(List<Properties> poms) {
    if (poms.size() != 1) {
      return null;
    }
    Properties p = poms.get(0);
    String g = p.getProperty("groupId");
    String a = p.getProperty("artifactId");
    String v = p.getProperty("version");
    return g == null || a == null || v == null ? null : g + ":" + a + ":" + v;
  }
}

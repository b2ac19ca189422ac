package dev.keyaudit.scanner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The tool version, filtered into a resource at build time so reports and the CLI agree. */
public final class KeyAuditVersion {

  private static final String VERSION = load();

  private KeyAuditVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = KeyAuditVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties missing from the scanner-core jar");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

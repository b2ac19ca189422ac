package dev.keyaudit.scanner.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds jars in memory for tests: entries in insertion order, deflated. */
public final class ZipBuilder {
  private final Map<String, byte[]> entries = new LinkedHashMap<>();

  public static ZipBuilder jar() {
    return new ZipBuilder();
  }

  public ZipBuilder add(String name, byte[] bytes) {
    entries.put(name, bytes);
    return this;
  }

  public ZipBuilder add(String name, String text) {
    return add(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public byte[] bytes() {
    var out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}

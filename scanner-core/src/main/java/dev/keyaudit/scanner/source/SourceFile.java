package dev.keyaudit.scanner.source;

import dev.keyaudit.scanner.scan.InputFile;
import dev.keyaudit.scanner.scan.Notification;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * A Java file's text as read for analysis: UTF-8 when it is valid UTF-8, otherwise ISO-8859-1 (with
 * a warning). A file too large or unreadable has no text and an error notification.
 */
record SourceFile(InputFile input, String text, List<Notification> notifications) {

  /** Generated sources beyond this size are not code anyone reviews; parsing them costs minutes. */
  static final long MAX_BYTES = 8L * 1024 * 1024;

  static SourceFile read(InputFile input) {
    List<Notification> notes = new ArrayList<>();
    String path = input.relativePath();
    try {
      long size = Files.size(input.path());
      if (size > MAX_BYTES) {
        notes.add(
            Notification.error(
                path, 0, "skipped: " + size + " bytes is more than the " + MAX_BYTES + " limit"));
        return new SourceFile(input, null, notes);
      }
      byte[] bytes = Files.readAllBytes(input.path());
      return new SourceFile(input, decode(bytes, path, notes), notes);
    } catch (IOException | RuntimeException e) {
      notes.add(Notification.error(path, 0, "could not read: " + e.getMessage()));
      return new SourceFile(input, null, notes);
    }
  }

  private static String decode(byte[] bytes, String path, List<Notification> notes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      notes.add(Notification.warning(path, 0, "not valid UTF-8; read as ISO-8859-1"));
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  String path() {
    return input.relativePath();
  }

  boolean readable() {
    return text != null;
  }
}

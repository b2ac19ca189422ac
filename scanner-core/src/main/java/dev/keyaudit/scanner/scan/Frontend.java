package dev.keyaudit.scanner.scan;

import java.util.List;

/**
 * Turns one kind of input into facts. A frontend never judges: it reports what it saw, with values
 * as {@code Known}/{@code OneOf}/{@code Default}/{@code Unknown}. Built-in frontends are listed in
 * {@link BuiltInFrontends}.
 */
public interface Frontend {
  /** Short name for logs and {@code --explain}, e.g. "java-source". */
  String name();

  /** Whether this frontend reads the file (by name or content sniffing of the first bytes). */
  boolean accepts(InputFile file);

  /**
   * Extracts facts from all accepted files of one scan at once, so values can be resolved across
   * files. Must not throw for bad input: a file that cannot be read becomes a {@link Notification}.
   */
  void analyze(List<InputFile> files, ScanContext context, FactSink sink);
}

package dev.keyaudit.scanner.manifest;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.scanner.config.ConfigEntry;
import dev.keyaudit.scanner.config.PropertiesReader;
import dev.keyaudit.scanner.config.TextContent;
import dev.keyaudit.scanner.config.YamlDocuments;
import dev.keyaudit.scanner.manifest.HclParser.Block;
import dev.keyaudit.scanner.scan.FactSink;
import dev.keyaudit.scanner.scan.Frontend;
import dev.keyaudit.scanner.scan.InputFile;
import dev.keyaudit.scanner.scan.Notification;
import dev.keyaudit.scanner.scan.ScanContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;

/**
 * The manifest frontend: configuration, infrastructure, build and key files of a Java service
 * repository (see {@link FileKind}). Text files are read first, so that keystores can then be
 * opened with the passwords the configuration reveals. A file that cannot be read or parsed becomes
 * a notification; nothing here throws for bad input.
 */
public final class ManifestFrontend implements Frontend {

  /** Keystores and DER keys are small; anything larger is not one. */
  private static final long MAX_BINARY_BYTES = 1024 * 1024;

  @Override
  public String name() {
    return "manifests";
  }

  @Override
  public boolean accepts(InputFile file) {
    return FileKind.detect(file).isPresent();
  }

  @Override
  public void analyze(List<InputFile> files, ScanContext context, FactSink sink) {
    List<String> passwords = new ArrayList<>();
    Map<InputFile, FileKind> kinds = new HashMap<>();
    for (InputFile f : files) {
      FileKind.detect(f).ifPresent(k -> kinds.put(f, k));
    }
    Map<String, Map<String, TerraformReader.Variable>> variables = terraformVariables(kinds, sink);
    List<InputFile> binaries = new ArrayList<>();
    for (InputFile file : files) {
      FileKind kind = kinds.get(file);
      if (kind == null) {
        continue;
      }
      if (kind == FileKind.KEYSTORE) {
        binaries.add(file);
        continue;
      }
      FileFacts facts = new FileFacts(file.relativePath(), sink, passwords);
      try {
        Optional<TextContent> text = readText(file, facts, binaries);
        text.ifPresent(t -> readText(file, kind, t.text(), facts, context, variables));
      } catch (RuntimeException | StackOverflowError e) {
        sink.notification(
            Notification.error(
                file.relativePath(), 0, "skipped: internal error " + e.getClass().getSimpleName()));
      }
    }
    for (InputFile file : binaries) {
      FileFacts facts = new FileFacts(file.relativePath(), sink, passwords);
      try {
        readBinary(file, facts, passwords);
      } catch (RuntimeException e) {
        sink.notification(
            Notification.error(
                file.relativePath(), 0, "skipped: internal error " + e.getClass().getSimpleName()));
      }
    }
  }

  /**
   * The text, or empty when the file is binary (then queued for the keystore probe) or unreadable.
   */
  private static Optional<TextContent> readText(
      InputFile file, FileFacts facts, List<InputFile> binaries) {
    byte[] bytes;
    try {
      bytes = TextContent.readBounded(file.path(), TextContent.MAX_TEXT_BYTES);
    } catch (TextContent.UnreadableException e) {
      facts.problem(0, "skipped: " + e.getMessage());
      return Optional.empty();
    }
    if (TextContent.looksBinary(bytes) || KeystoreProber.type(bytes).isPresent()) {
      binaries.add(file); // a binary file whatever its name says
      return Optional.empty();
    }
    TextContent content = TextContent.decode(bytes);
    if (content.lossy()) {
      facts.problem(0, "not valid UTF-8; read as ISO-8859-1");
    }
    return Optional.of(content);
  }

  private static void readText(
      InputFile file,
      FileKind kind,
      String text,
      FileFacts facts,
      ScanContext context,
      Map<String, Map<String, TerraformReader.Variable>> variables) {
    facts.pemBlocks(text, 1, List.of());
    ShellScanner shell = new ShellScanner(facts, context.targetJdk());
    String path = file.relativePath();
    switch (kind) {
      case PROPERTIES, SECURITY_OVERRIDE -> {
        List<ConfigEntry> entries = PropertiesReader.read(text, path, null);
        PropertiesFileReader.read(entries, facts, kind == FileKind.SECURITY_OVERRIDE);
      }
      case JVM_OPTIONS -> {
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
          JvmOptions.scan(lines[i], i + 1, facts);
        }
      }
      case YAML -> yaml(text, facts, shell);
      case JSON, KEY_FILE -> json(text, facts, kind);
      case TERRAFORM ->
          new TerraformReader(facts, variables.getOrDefault(directory(path), Map.of()))
              .read(HclParser.parse(text));
      case TERRAFORM_JSON -> {
        try {
          JsonTree tree = JsonTree.parse(text);
          new TerraformReader(facts, variables.getOrDefault(directory(path), Map.of()))
              .read(JsonReader.terraform(tree));
        } catch (IOException e) {
          facts.problem(0, "skipped: malformed JSON: " + firstLine(e.getMessage()));
        }
      }
      case DOCKERFILE -> DockerfileReader.read(text, facts, shell);
      case SHELL -> shell.scan(text, 1);
      case MAKEFILE -> makefile(text, shell);
      case MAVEN_XML -> {
        try {
          PomReader.read(text, facts);
        } catch (XMLStreamException e) {
          facts.problem(0, "skipped: malformed or unsafe XML: " + firstLine(e.getMessage()));
        }
      }
      case KEYSTORE -> {}
    }
  }

  private static void yaml(String text, FileFacts facts, ShellScanner shell) {
    YamlManifestReader reader = new YamlManifestReader(facts, shell);
    try {
      reader.read(YamlDocuments.parse(text, facts.path()));
      return;
    } catch (YamlDocuments.YamlException e) {
      if (!text.contains("{{")) {
        facts.problem(0, "skipped: " + e.getMessage());
        return;
      }
    }
    // A chart template is YAML only once rendered: read its literal parts.
    String literal = HelmTemplates.literalParts(text);
    try {
      reader.read(YamlDocuments.parse(literal, facts.path()));
    } catch (YamlDocuments.YamlException e) {
      HelmTemplates.scanLines(literal, facts);
    }
  }

  private static void json(String text, FileFacts facts, FileKind kind) {
    String trimmed = text.stripLeading();
    if (kind == FileKind.KEY_FILE && !trimmed.startsWith("{") && !trimmed.startsWith("[")) {
      return; // PEM key files: the PEM scan already ran
    }
    try {
      new JsonReader(facts).read(JsonTree.parse(text));
    } catch (IOException e) {
      facts.problem(0, "skipped: malformed JSON: " + firstLine(e.getMessage()));
    }
  }

  /** Recipe lines (tab-indented) are shell; {@code VAR = value} lines are settings. */
  private static void makefile(String text, ShellScanner shell) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      if (l.startsWith("\t")) {
        String cmd = l.strip();
        while (cmd.startsWith("@") || cmd.startsWith("-")) {
          cmd = cmd.substring(1);
        }
        shell.logicalLine(cmd.replace("$$", "$"), i + 1);
      } else if (l.matches("\\s*[A-Za-z_][A-Za-z0-9_]*\\s*[:?+]?=.*")) {
        String name = l.substring(0, l.indexOf('=')).replaceAll("[:?+]$", "").strip();
        shell.logicalLine(name + "=" + l.substring(l.indexOf('=') + 1).strip(), i + 1);
      }
    }
  }

  private static void readBinary(InputFile file, FileFacts facts, List<String> passwords) {
    byte[] bytes;
    try {
      bytes = TextContent.readBounded(file.path(), MAX_BINARY_BYTES);
    } catch (TextContent.UnreadableException e) {
      facts.problem(0, "skipped: " + e.getMessage());
      return;
    }
    Optional<String> type = KeystoreProber.type(bytes);
    if (type.isPresent()) {
      KeystoreProber.probe(type.get(), bytes, facts, passwords);
      return;
    }
    Optional<ParsedKey> der = PrivateKeyParser.parseDer(bytes);
    if (der.isPresent()) {
      Location at = Location.line(file.relativePath(), 0);
      facts.keyMaterial(
          at,
          "DER private key",
          der.get(),
          null,
          Secret.ofBytes(bytes),
          List.of(new TraceStep(at, "binary DER private key")));
      return;
    }
    facts.problem(0, "skipped: binary file that is neither a keystore nor a DER private key");
  }

  /** {@code default}s of {@code variable} blocks, per module directory. */
  private static Map<String, Map<String, TerraformReader.Variable>> terraformVariables(
      Map<InputFile, FileKind> kinds, FactSink sink) {
    Map<String, Map<String, TerraformReader.Variable>> byDir = new HashMap<>();
    for (Map.Entry<InputFile, FileKind> e : kinds.entrySet()) {
      if (e.getValue() != FileKind.TERRAFORM || !e.getKey().relativePath().endsWith(".tf")) {
        continue;
      }
      try {
        String text =
            new String(
                TextContent.readBounded(e.getKey().path(), TextContent.MAX_TEXT_BYTES),
                StandardCharsets.UTF_8);
        Block root = HclParser.parse(text);
        for (Block b : root.blocks("variable")) {
          if (!b.labels().isEmpty() && b.attribute("default") != null) {
            byDir
                .computeIfAbsent(directory(e.getKey().relativePath()), k -> new HashMap<>())
                .put(
                    b.labels().get(0),
                    new TerraformReader.Variable(
                        e.getKey().relativePath(), b.attribute("default")));
          }
        }
      } catch (TextContent.UnreadableException | RuntimeException ex) {
        // reported when the file itself is read
      }
    }
    return byDir;
  }

  private static String directory(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}

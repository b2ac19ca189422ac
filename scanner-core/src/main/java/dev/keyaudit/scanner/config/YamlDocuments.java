package dev.keyaudit.scanner.config;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Parses YAML text into one node graph per document with SnakeYAML Engine's compose API: nodes keep
 * their line, and no object is ever constructed, so unknown tags ({@code !Ref}) are harmless.
 * Limits guard against hostile input: few aliases (alias bombs), bounded size, no recursive keys.
 */
public final class YamlDocuments {

  /** Thrown for text that is not YAML (or breaks a limit); the message says where. */
  public static final class YamlException extends Exception {
    private static final long serialVersionUID = 1L;

    public YamlException(String message) {
      super(message);
    }
  }

  private YamlDocuments() {}

  public static List<Node> parse(String text, String label) throws YamlException {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(label)
            .setAllowDuplicateKeys(true)
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(50)
            .setCodePointLimit((int) TextContent.MAX_TEXT_BYTES)
            .setUseMarks(true)
            .build();
    List<Node> documents = new ArrayList<>();
    try {
      for (Node node : new Compose(settings).composeAllFromString(text)) {
        if (node != null) {
          documents.add(node);
        }
      }
      return documents;
    } catch (YamlEngineException e) {
      throw new YamlException(firstLine(e.getMessage()));
    } catch (StackOverflowError e) {
      // The composer recurses per nesting level; absurdly deep input ends up here.
      throw new YamlException("nesting too deep");
    } catch (RuntimeException e) {
      throw new YamlException("unreadable YAML: " + e.getClass().getSimpleName());
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed YAML";
    }
    String m = message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl) + " " + m.substring(nl + 1).strip().replace('\n', ' ');
  }
}

package dev.keyaudit.scanner.manifest;

import dev.keyaudit.rules.facts.SecretInConfig.Kind;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Value;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Maven XML ({@code pom.xml}, {@code settings.xml}) with the JDK's StAX parser, DTDs and
 * external entities off (a repository is untrusted input): {@code keytool-maven-plugin} key
 * generation settings and password-like elements ({@code <storepass>}, {@code <password>},
 * properties such as {@code <keystore.password>}).
 */
final class PomReader {

  private PomReader() {}

  static void read(String text, FileFacts facts) throws XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(text));
    Deque<String> path = new ArrayDeque<>();
    Deque<Integer> lines = new ArrayDeque<>();
    StringBuilder textBuf = new StringBuilder();
    String artifactId = null;
    Map<String, String> keytool = new HashMap<>();
    Map<String, Integer> keytoolLines = new HashMap<>();
    try {
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamReader.START_ELEMENT) {
          path.push(reader.getLocalName());
          lines.push(reader.getLocation().getLineNumber());
          textBuf.setLength(0);
          if (path.size() > 256) {
            throw new XMLStreamException("XML nested too deeply");
          }
        } else if (event == XMLStreamReader.CHARACTERS || event == XMLStreamReader.CDATA) {
          if (textBuf.length() < 1 << 20) {
            textBuf.append(reader.getText());
          }
        } else if (event == XMLStreamReader.END_ELEMENT) {
          String element = path.pop();
          int line = lines.pop();
          String value = textBuf.toString().strip();
          textBuf.setLength(0);
          if (element.equals("artifactId") && "plugin".equals(path.peek())) {
            artifactId = value;
          } else if (element.equals("plugin")) {
            if ("keytool-maven-plugin".equals(artifactId)) {
              keytoolGeneration(keytool, keytoolLines, facts);
            }
            artifactId = null;
            keytool.clear();
            keytoolLines.clear();
          } else if (!value.isEmpty()) {
            if ("keytool-maven-plugin".equals(artifactId) && "configuration".equals(path.peek())) {
              keytool.put(element, value);
              keytoolLines.put(element, line);
            }
            if (element.equals("storepass") || element.equals("keypass")) {
              facts.secret("<" + element + ">", value, line, Kind.KEY_PASSWORD);
            } else {
              facts.setting(element, value, line);
            }
          }
        }
      }
    } finally {
      reader.close();
    }
  }

  private static void keytoolGeneration(
      Map<String, String> config, Map<String, Integer> lines, FileFacts facts) {
    String alg = config.get("keyalg");
    String size = config.get("keysize");
    if (alg == null && size == null) {
      return;
    }
    Location at = facts.at(lines.getOrDefault("keysize", lines.getOrDefault("keyalg", 0)));
    Value<String> algorithm =
        alg == null
            ? Value.unknown("no <keyalg>")
            : Generation.given(
                KeyCommands.canonicalAlgorithm(alg),
                facts.at(lines.get("keyalg")),
                "<keyalg>" + alg + "</keyalg>");
    Value<Integer> keySize =
        size != null && size.matches("\\d+")
            ? Generation.given(Integer.parseInt(size), at, "<keysize>" + size + "</keysize>")
            : Value.unknown("no literal <keysize>");
    facts.fact(Generation.pair(at, "keytool-maven-plugin", algorithm, keySize, null));
  }
}

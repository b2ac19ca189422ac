package dev.keyaudit.scanner.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the Java release a Maven project compiles for ({@code maven.compiler.release}, {@code
 * <release>} of the compiler plugin, {@code maven.compiler.target}, {@code java.version}), because
 * provider defaults differ per JDK. External entities are disabled: a pom is untrusted input.
 */
public final class TargetJdkDetector {

  public static final int FALLBACK = 17;

  private static final Pattern PROPERTY_REF = Pattern.compile("\\$\\{([^}]+)}");
  private static final Pattern RELEASE = Pattern.compile("^(?:1\\.)?(\\d{1,2})$");

  private TargetJdkDetector() {}

  /** The release from {@code dir/pom.xml}, if it states one. */
  public static OptionalInt detect(Path dir) {
    Path pom = dir.resolve("pom.xml");
    if (!Files.isRegularFile(pom)) {
      return OptionalInt.empty();
    }
    try (InputStream in = Files.newInputStream(pom)) {
      return fromPom(in);
    } catch (IOException | XMLStreamException e) {
      return OptionalInt.empty();
    }
  }

  static OptionalInt fromPom(InputStream in) throws XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XMLStreamReader reader = factory.createXMLStreamReader(in);
    Map<String, String> properties = new HashMap<>();
    String compilerRelease = null;
    String compilerTarget = null;
    var path = new java.util.ArrayDeque<String>();
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamReader.START_ELEMENT) {
        path.push(reader.getLocalName());
      } else if (event == XMLStreamReader.END_ELEMENT) {
        path.pop();
      } else if (event == XMLStreamReader.CHARACTERS && path.size() >= 2) {
        String text = reader.getText().trim();
        if (text.isEmpty()) {
          continue;
        }
        String element = path.peek();
        String parent = path.toArray(String[]::new)[1];
        if ("properties".equals(parent) && path.size() == 3) {
          properties.put(element, text);
        } else if ("configuration".equals(parent) && "release".equals(element)) {
          compilerRelease = text;
        } else if ("configuration".equals(parent) && "target".equals(element)) {
          compilerTarget = text;
        }
      }
    }
    for (String candidate :
        new String[] {
          compilerRelease,
          properties.get("maven.compiler.release"),
          compilerTarget,
          properties.get("maven.compiler.target"),
          properties.get("java.version")
        }) {
      OptionalInt release = parse(candidate, properties);
      if (release.isPresent()) {
        return release;
      }
    }
    return OptionalInt.empty();
  }

  private static OptionalInt parse(String value, Map<String, String> properties) {
    if (value == null) {
      return OptionalInt.empty();
    }
    Matcher ref = PROPERTY_REF.matcher(value);
    String resolved = ref.matches() ? properties.get(ref.group(1)) : value;
    if (resolved == null) {
      return OptionalInt.empty();
    }
    Matcher m = RELEASE.matcher(resolved.trim());
    return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }
}

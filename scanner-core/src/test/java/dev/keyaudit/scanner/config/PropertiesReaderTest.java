package dev.keyaudit.scanner.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PropertiesReaderTest {

  @Test
  void followsPropertiesGrammarAndKeepsStartLines() {
    String text =
        """
        # comment
        ! also a comment
        a=1
        b : two words
        c   spaced
        d=first \\
            second \\
            third
        e\\=key=value
        f=caf\\u00e9\\tx
        g=ends with odd backslashes \\\\\\
          continued
        """;
    List<ConfigEntry> entries = PropertiesReader.read(text, "p.properties", null);
    assertThat(entries)
        .extracting(ConfigEntry::key, ConfigEntry::value, e -> e.location().startLine())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", "1", 3),
            org.assertj.core.groups.Tuple.tuple("b", "two words", 4),
            org.assertj.core.groups.Tuple.tuple("c", "spaced", 5),
            org.assertj.core.groups.Tuple.tuple("d", "first second third", 6),
            org.assertj.core.groups.Tuple.tuple("e=key", "value", 9),
            org.assertj.core.groups.Tuple.tuple("f", "café\tx", 10),
            org.assertj.core.groups.Tuple.tuple("g", "ends with odd backslashes \\continued", 11));
  }

  @Test
  void springMultiDocumentPropertiesCarryTheirProfile() {
    String text =
        """
        key=base
        #---
        spring.config.activate.on-profile=prod
        key=prod-value
        """;
    List<ConfigEntry> entries = PropertiesReader.read(text, "application.properties", null);
    assertThat(entries)
        .extracting(ConfigEntry::key, ConfigEntry::profile)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("key", null),
            org.assertj.core.groups.Tuple.tuple("spring.config.activate.on-profile", "prod"),
            org.assertj.core.groups.Tuple.tuple("key", "prod"));
  }
}

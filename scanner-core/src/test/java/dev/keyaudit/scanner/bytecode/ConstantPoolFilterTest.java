package dev.keyaudit.scanner.bytecode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.scanner.bytecode.ConstantPoolFilter.Relevance;
import dev.keyaudit.scanner.source.KeyMaterialFactsTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;

/** The constant-pool pre-filter: which classes are interpreted, which are skipped unparsed. */
class ConstantPoolFilterTest {

  @TempDir Path dir;

  private Relevance relevance(String name, String body) throws IOException {
    Path source = dir.resolve(name + ".java");
    Files.writeString(source, "public class " + name + " {\n" + body + "\n}\n");
    byte[] bytes = InMemoryJavac.compile(List.of(source), 17).get(source).get(name);
    return ConstantPoolFilter.relevance(new ClassReader(bytes));
  }

  @Test
  void classesWithoutCryptoOrRandomApisAreSkipped() throws IOException {
    assertThat(relevance("Plain", "int f(int a) { return Math.max(a, 3) + \"x\".length(); }"))
        .isEqualTo(Relevance.NONE);
  }

  @Test
  void cryptoAndRandomApisNeedInterpretation() throws IOException {
    assertThat(
            relevance(
                "Gen",
                "Object f() throws Exception {"
                    + " return javax.crypto.KeyGenerator.getInstance(\"AES\"); }"))
        .isEqualTo(Relevance.API);
    assertThat(relevance("Dice", "double f() { return Math.random(); }")).isEqualTo(Relevance.API);
    assertThat(relevance("Seeded", "java.util.Random r = new java.util.Random(1);"))
        .isEqualTo(Relevance.API);
  }

  @Test
  void privateKeyStringsAloneOnlyNeedTheirLines() throws IOException {
    assertThat(
            relevance(
                "Pasted", "static final String KEY = \"" + KeyMaterialFactsTest.EC_PKCS8 + "\";"))
        .isEqualTo(Relevance.KEY_STRINGS);
    assertThat(relevance("Text", "String s = \"" + "a long harmless message ".repeat(8) + "\";"))
        .isEqualTo(Relevance.NONE);
  }
}

package dev.keyaudit.scanner.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.scanner.manifest.HclParser.Block;
import org.junit.jupiter.api.Test;

class HclParserTest {

  @Test
  void keepsLinesOfBlocksAttributesAndValues() {
    Block root =
        HclParser.parse(
            """
            # comment
            resource "tls_private_key" "k" {
              algorithm = "RSA" // trailing comment
              rsa_bits  = var.bits
              tags = { owner = "team", "x" = 1 }
              /* block
                 comment */
              lifecycle {
                ignore_changes = [rsa_bits, algorithm]
              }
              note = <<-EOT
                text ${var.x}
              EOT
              after = "still read"
              cond = var.a ? 1 : 2
            }
            """);
    Block resource = root.blocks("resource").get(0);
    assertThat(resource.labels()).containsExactly("tls_private_key", "k");
    assertThat(resource.line()).isEqualTo(2);
    assertThat(resource.attribute("algorithm").value()).isEqualTo(new HclParser.Str("RSA", 3));
    assertThat(resource.attribute("rsa_bits").value()).isEqualTo(new HclParser.Ref("var.bits"));
    assertThat(resource.attribute("tags").value()).isInstanceOf(HclParser.ObjV.class);
    assertThat(resource.blocks("lifecycle").get(0).line()).isEqualTo(8);
    assertThat(resource.attribute("note").value()).isInstanceOf(HclParser.Str.class);
    assertThat(resource.attribute("after").line()).isEqualTo(14);
    assertThat(resource.attribute("cond").value()).isInstanceOf(HclParser.Other.class);
  }

  @Test
  void malformedInputGivesAPartialTree() {
    Block root =
        HclParser.parse("resource \"a\" \"b\" {\n  x = \"unterminated\n  y = 2\n  z = [1, {\n");
    Block resource = root.blocks("resource").get(0);
    assertThat(resource.attribute("y").line()).isEqualTo(3);
    assertThat(HclParser.parse("}}}]]] = = {{{ \"").blocks()).isNotNull();
    assertThat(HclParser.parse("<<EOF\nnever closed").attributes()).isEmpty();
  }
}

package dev.keyaudit.scanner.manifest;

import dev.keyaudit.scanner.manifest.HclLexer.Kind;
import dev.keyaudit.scanner.manifest.HclLexer.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the HCL2 subset Terraform configuration needs here: blocks with labels, attributes, and
 * literal expressions (strings, heredocs, numbers, booleans, lists, objects, references such as
 * {@code var.bits}). Other expressions are kept as raw text. Nesting is bounded and every loop
 * consumes a token, so malformed input yields a partial tree, never an exception or a hang.
 */
final class HclParser {

  private static final int MAX_DEPTH = 48;

  /** An expression: a literal value when it is one, else the kind of expression. */
  sealed interface HclValue permits Str, Num, Bool, Ref, ListV, ObjV, Other {}

  record Str(String text, int line) implements HclValue {}

  record Num(String text) implements HclValue {}

  record Bool(boolean value) implements HclValue {}

  /** A traversal such as {@code var.rsa_bits} or {@code local.x}. */
  record Ref(String path) implements HclValue {}

  record ListV(List<HclValue> items) implements HclValue {}

  record ObjV(Map<String, Attribute> entries) implements HclValue {}

  record Other(String why) implements HclValue {}

  record Attribute(String name, HclValue value, int line) {}

  record Block(
      String type,
      List<String> labels,
      int line,
      Map<String, Attribute> attributes,
      List<Block> blocks) {
    Attribute attribute(String name) {
      return attributes.get(name);
    }

    List<Block> blocks(String type) {
      return blocks.stream().filter(b -> b.type().equals(type)).toList();
    }
  }

  private final List<Token> tokens;
  private int pos;

  private HclParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /**
   * The top-level body as a block of type "" (attributes of {@code .tfvars}, blocks of {@code
   * .tf}).
   */
  static Block parse(String text) {
    HclParser p = new HclParser(HclLexer.tokens(text));
    Block root = new Block("", List.of(), 1, new LinkedHashMap<>(), new ArrayList<>());
    p.body(root, 0, true);
    return root;
  }

  private void body(Block into, int depth, boolean topLevel) {
    while (true) {
      Token t = peek();
      if (t.kind() == Kind.EOF) {
        return;
      }
      if (t.is("}")) {
        if (!topLevel) {
          pos++;
          return;
        }
        pos++; // stray brace at top level
        continue;
      }
      if (t.kind() == Kind.NEWLINE || t.is(",")) {
        pos++;
        continue;
      }
      if (t.kind() == Kind.IDENT || t.kind() == Kind.STRING) {
        item(into, depth);
        continue;
      }
      pos++; // unexpected token: skip it
    }
  }

  private void item(Block into, int depth) {
    Token name = next();
    if (peek().is("=") || peek().is(":")) {
      pos++;
      HclValue value = expression(depth + 1);
      into.attributes().put(name.text(), new Attribute(name.text(), value, name.line()));
      return;
    }
    List<String> labels = new ArrayList<>();
    while (peek().kind() == Kind.STRING || peek().kind() == Kind.IDENT) {
      labels.add(next().text());
    }
    if (!peek().is("{")) {
      skipLine();
      return;
    }
    pos++;
    Block block =
        new Block(name.text(), labels, name.line(), new LinkedHashMap<>(), new ArrayList<>());
    if (depth >= MAX_DEPTH) {
      skipBalanced();
      return;
    }
    body(block, depth + 1, false);
    into.blocks().add(block);
  }

  private HclValue expression(int depth) {
    HclValue value = primary(depth);
    Token t = peek();
    if (t.kind() == Kind.NEWLINE
        || t.kind() == Kind.EOF
        || t.is(",")
        || t.is("}")
        || t.is("]")
        || t.is(")")) {
      return value;
    }
    // An operator or conditional follows: not a literal. Skip to the end of the expression.
    int nesting = 0;
    while (peek().kind() != Kind.EOF) {
      Token n = peek();
      if (n.is("(") || n.is("[") || n.is("{")) {
        nesting++;
      } else if (n.is(")") || n.is("]") || n.is("}")) {
        if (nesting == 0) {
          break;
        }
        nesting--;
      } else if (nesting == 0 && (n.kind() == Kind.NEWLINE || n.is(","))) {
        break;
      }
      pos++;
    }
    return new Other("expression");
  }

  private HclValue primary(int depth) {
    Token t = next();
    if (depth > MAX_DEPTH) {
      return new Other("too deep");
    }
    switch (t.kind()) {
      case STRING, HEREDOC -> {
        return new Str(t.text(), t.line());
      }
      case NUMBER -> {
        return new Num(t.text());
      }
      case IDENT -> {
        if (t.text().equals("true") || t.text().equals("false")) {
          return new Bool(t.text().equals("true"));
        }
        if (peek().is("(")) {
          pos++;
          skipUntilClose(")");
          return new Other("function call " + t.text());
        }
        StringBuilder path = new StringBuilder(t.text());
        while (peek().is(".") && tokens.get(pos + 1).kind() == Kind.IDENT) {
          pos++;
          path.append('.').append(next().text());
        }
        return new Ref(path.toString());
      }
      case PUNCT -> {
        if (t.text().equals("[")) {
          List<HclValue> items = new ArrayList<>();
          while (peek().kind() != Kind.EOF && !peek().is("]")) {
            if (peek().kind() == Kind.NEWLINE || peek().is(",")) {
              pos++;
              continue;
            }
            int before = pos;
            items.add(expression(depth + 1));
            if (pos == before) {
              pos++;
            }
          }
          pos++;
          return new ListV(items);
        }
        if (t.text().equals("{")) {
          Block object =
              new Block("{", List.of(), t.line(), new LinkedHashMap<>(), new ArrayList<>());
          body(object, depth + 1, false);
          return new ObjV(object.attributes());
        }
        return new Other("operator " + t.text());
      }
      default -> {
        pos--; // newline or EOF: leave it for the caller
        return new Other("missing value");
      }
    }
  }

  private void skipLine() {
    while (peek().kind() != Kind.EOF && peek().kind() != Kind.NEWLINE) {
      pos++;
    }
  }

  private void skipBalanced() {
    skipUntilClose("}");
  }

  private void skipUntilClose(String close) {
    int nesting = 0;
    while (peek().kind() != Kind.EOF) {
      Token t = next();
      if (t.is("(") || t.is("[") || t.is("{")) {
        nesting++;
      } else if (t.is(")") || t.is("]") || t.is("}")) {
        if (nesting == 0) {
          return;
        }
        nesting--;
      }
    }
  }

  private Token peek() {
    return tokens.get(Math.min(pos, tokens.size() - 1));
  }

  private Token next() {
    Token t = peek();
    if (pos < tokens.size() - 1) {
      pos++;
    } else {
      pos = tokens.size(); // stay on EOF
    }
    return t;
  }
}

package dev.keyaudit.scanner.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.comments.BlockComment;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.comments.LineComment;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import dev.keyaudit.scanner.finding.Suppression;
import dev.keyaudit.scanner.scan.Notification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds in-source waivers: {@code @SuppressWarnings("keyaudit:KA102")} (or {@code "keyaudit"} for
 * every rule, represented by the rule id {@value #ALL_RULES}) on a declaration, and {@code //
 * keyaudit:ignore KA102 -- reason} comments. A comment waiver without a reason is not honoured: it
 * becomes a warning instead.
 */
final class SuppressionScanner {

  /** The rule id standing for "every KeyAudit rule". */
  static final String ALL_RULES = "*";

  static final String ANNOTATION_JUSTIFICATION = "@SuppressWarnings";

  private static final Pattern IGNORE =
      Pattern.compile("^\\s*keyaudit:ignore\\b(.*)$", Pattern.DOTALL);
  private static final Pattern RULE_ID = Pattern.compile("KA\\d{3}");

  private final String path;
  private final String text;
  private final List<Suppression> suppressions = new ArrayList<>();
  private final List<Notification> notifications = new ArrayList<>();
  private final Map<Integer, LineComment> lineComments = new HashMap<>();
  private CodeLines codeLines;

  private SuppressionScanner(String path, String text) {
    this.path = path;
    this.text = text;
  }

  record Result(List<Suppression> suppressions, List<Notification> notifications) {}

  static Result scan(CompilationUnit cu, String path, String text) {
    SuppressionScanner scanner = new SuppressionScanner(path, text);
    List<Comment> comments = cu.getAllContainedComments();
    for (Comment c : comments) {
      if (c instanceof LineComment line) {
        c.getBegin().ifPresent(p -> scanner.lineComments.put(p.line, line));
      }
    }
    for (AnnotationExpr annotation : cu.findAll(AnnotationExpr.class)) {
      scanner.annotation(annotation);
    }
    for (Comment c : comments) {
      if (c instanceof LineComment || c instanceof BlockComment) {
        scanner.comment(c);
      }
    }
    return new Result(scanner.suppressions, scanner.notifications);
  }

  // ---- @SuppressWarnings --------------------------------------------------------------------

  private void annotation(AnnotationExpr annotation) {
    String name = annotation.getNameAsString();
    if (!name.equals("SuppressWarnings") && !name.equals("java.lang.SuppressWarnings")) {
      return;
    }
    Node declaration = annotation.getParentNode().orElse(null);
    if (!(declaration instanceof BodyDeclaration<?>
        || declaration instanceof VariableDeclarationExpr
        || declaration instanceof Parameter)) {
      return;
    }
    Set<String> ids = new LinkedHashSet<>();
    for (Expression value : values(annotation)) {
      if (value instanceof StringLiteralExpr s) {
        String v = s.asString().trim();
        if (v.equals("keyaudit") || v.equals("keyaudit:*")) {
          ids.add(ALL_RULES);
        } else if (v.startsWith("keyaudit:")) {
          ids.add(v.substring("keyaudit:".length()).trim());
        }
      }
    }
    if (ids.isEmpty() || declaration.getRange().isEmpty()) {
      return;
    }
    int start = declaration.getRange().get().begin.line;
    int end = declaration.getRange().get().end.line;
    suppressions.add(
        new Suppression(path, start, end, ids, "annotation", annotationReason(annotation)));
  }

  private static List<Expression> values(AnnotationExpr annotation) {
    Expression value = null;
    if (annotation instanceof SingleMemberAnnotationExpr single) {
      value = single.getMemberValue();
    } else if (annotation instanceof NormalAnnotationExpr normal) {
      for (MemberValuePair pair : normal.getPairs()) {
        if (pair.getNameAsString().equals("value")) {
          value = pair.getValue();
        }
      }
    }
    if (value instanceof ArrayInitializerExpr array) {
      return array.getValues();
    }
    return value == null ? List.of() : List.of(value);
  }

  /** A {@code //} comment trailing the annotation, or on the line just above it, is the reason. */
  private String annotationReason(AnnotationExpr annotation) {
    int begin = annotation.getBegin().map(p -> p.line).orElse(0);
    int end = annotation.getEnd().map(p -> p.line).orElse(0);
    for (int line : new int[] {end, begin - 1}) {
      LineComment c = lineComments.get(line);
      if (c != null && !IGNORE.matcher(c.getContent()).matches()) {
        String reason = c.getContent().trim().replaceFirst("^(--|reason:)\\s*", "").trim();
        if (!reason.isEmpty()) {
          return reason;
        }
      }
    }
    return ANNOTATION_JUSTIFICATION;
  }

  // ---- keyaudit:ignore ----------------------------------------------------------------------

  private void comment(Comment c) {
    Matcher m = IGNORE.matcher(c.getContent());
    if (!m.matches() || c.getBegin().isEmpty()) {
      return;
    }
    int line = c.getBegin().get().line;
    String rest = m.group(1).replace("*/", "").trim();
    int dash = rest.indexOf("--");
    String idsPart = dash < 0 ? rest : rest.substring(0, dash);
    String reason = dash < 0 ? "" : rest.substring(dash + 2).trim();
    Set<String> ids = new LinkedHashSet<>();
    for (String id : idsPart.split("[,\\s]+")) {
      if (id.isEmpty()) {
        continue;
      }
      if (!RULE_ID.matcher(id).matches()) {
        notifications.add(
            Notification.warning(
                path,
                line,
                "keyaudit:ignore names \"" + id + "\", which is not a rule id (KAnnn)"));
        return;
      }
      ids.add(id);
    }
    if (ids.isEmpty()) {
      notifications.add(
          Notification.warning(
              path,
              line,
              "keyaudit:ignore names no rule; write `keyaudit:ignore KA102 -- reason`"));
      return;
    }
    if (reason.isEmpty()) {
      notifications.add(
          Notification.warning(
              path,
              line,
              "keyaudit:ignore "
                  + String.join(", ", ids)
                  + " has no reason and is not honoured; write `-- why` after the rule ids"));
      return;
    }
    int covered = sharesLineWithCode(c) ? line : nextCodeLine(c);
    if (covered > 0) {
      suppressions.add(new Suppression(path, covered, covered, ids, "comment", reason));
    }
  }

  /** True when code precedes the comment on its line, or follows a one-line block comment. */
  private boolean sharesLineWithCode(Comment c) {
    int line = c.getBegin().get().line;
    String source = lineText(line);
    int upTo = Math.min(Math.max(c.getBegin().get().column - 1, 0), source.length());
    if (!source.substring(0, upTo).isBlank()) {
      return true;
    }
    int endLine = c.getEnd().map(p -> p.line).orElse(line);
    if (c instanceof BlockComment && endLine == line) {
      int after = Math.min(c.getEnd().get().column, source.length());
      return !source.substring(after).isBlank();
    }
    return false;
  }

  private int nextCodeLine(Comment c) {
    if (codeLines == null) {
      codeLines = CodeLines.of(text);
    }
    int end = c.getEnd().map(p -> p.line).orElse(c.getBegin().get().line);
    return codeLines.nextCodeLine(end);
  }

  private String lineText(int line) {
    int start = 0;
    for (int i = 1; i < line; i++) {
      start = text.indexOf('\n', start);
      if (start < 0) {
        return "";
      }
      start++;
    }
    int end = text.indexOf('\n', start);
    return text.substring(start, end < 0 ? text.length() : end);
  }
}

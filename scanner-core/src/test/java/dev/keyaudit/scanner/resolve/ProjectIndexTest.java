package dev.keyaudit.scanner.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.scanner.resolve.Summaries.CallSiteSummary;
import dev.keyaudit.scanner.resolve.Summaries.FieldSummary;
import dev.keyaudit.scanner.resolve.Summaries.FileSummary;
import dev.keyaudit.scanner.resolve.Summaries.MethodSummary;
import dev.keyaudit.scanner.resolve.Summaries.TypeSummary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The project index's lookups: type names, inherited fields, overriding methods, callers. */
class ProjectIndexTest {

  private static FieldSummary constant(String name, String file) {
    return new FieldSummary(
        name,
        true,
        true,
        Location.line(file, 3),
        List.of(new Expr.Const(1, Location.line(file, 3))));
  }

  private static TypeSummary type(String name, List<String> supers, List<FieldSummary> fields) {
    return new TypeSummary(name, supers, fields, List.of(), List.of());
  }

  private static ProjectIndex index(TypeSummary... types) {
    List<FileSummary> files = new ArrayList<>();
    for (TypeSummary t : types) {
      files.add(new FileSummary(t.name().replace('.', '/') + ".java", List.of(t)));
    }
    return new ProjectIndex(files);
  }

  @Test
  void aJdkSupertypeIsNeverTheProjectTypeOfTheSameSimpleName() {
    // Guava: interface Function<F, T> extends java.util.function.Function<F, T>
    TypeSummary function =
        type(
            "com.google.common.base.Function",
            List.of("java.util.function.Function"),
            List.of(constant("LIMIT", "Function.java")));
    ProjectIndex index = index(function);

    assertThat(index.qualify("java.util.function.Function")).isEmpty();
    // a package the frontend guessed wrongly still finds the unique project type
    assertThat(index.qualify("com.google.common.Function"))
        .contains("com.google.common.base.Function");
    assertThat(index.fieldOwner("com.google.common.base.Function", "MISSING")).isEmpty();
    assertThat(index.fieldOwner("com.google.common.base.Function", "LIMIT"))
        .contains("com.google.common.base.Function");
  }

  @Test
  void supertypesThatLoopEndTheSearchForAnInheritedField() {
    // names that resolve back to each other (two guesses at packages); must not recurse forever
    TypeSummary a = type("p.A", List.of("q.B"), List.of());
    TypeSummary b = type("q.B", List.of("p.A", "r.C"), List.of());
    TypeSummary c = type("r.C", List.of(), List.of(constant("SIZE", "C.java")));
    ProjectIndex index = index(a, b, c);

    assertThat(index.fieldOwner("p.A", "SIZE")).contains("r.C");
    assertThat(index.fieldOwner("p.A", "NONE")).isEmpty();
    assertThat(index.field("q.B", "SIZE")).isPresent();
    assertThat(new ProjectResolver(index, ConfigSource.NONE).field("p.A", "SIZE").candidates())
        .singleElement()
        .satisfies(cand -> assertThat(cand.value()).isEqualTo(1));
  }

  @Test
  void methodsAndCallersFollowTheTypeHierarchyBothWaysAndNothingElse() {
    MethodRef baseRun = new MethodRef("h.Base", "run", 0);
    MethodRef leafRun = new MethodRef("h.Leaf", "run", 0);
    MethodRef otherRun = new MethodRef("o.Other", "run", 0);
    MethodRef caller = new MethodRef("c.Main", "main", 1);
    List<CallSiteSummary> calls =
        List.of(
            call(caller, "h.Mid", 14),
            call(caller, "Leaf", 12),
            call(caller, ProjectIndex.UNKNOWN_OWNER, 13),
            call(caller, "o.Other", 11),
            call(caller, "h.Base", 10));
    ProjectIndex index =
        index(
            new TypeSummary("h.Base", List.of(), List.of(), List.of(method(baseRun)), List.of()),
            type("h.Mid", List.of("h.Base"), List.of()),
            new TypeSummary(
                "h.Leaf", List.of("Mid"), List.of(), List.of(method(leafRun)), List.of()),
            new TypeSummary("o.Other", List.of(), List.of(), List.of(method(otherRun)), List.of()),
            new TypeSummary("c.Main", List.of(), List.of(), List.of(), calls));

    // a call through Mid may run Base's or Leaf's run(), in the index's type order
    assertThat(index.methods(new MethodRef("h.Mid", "run", 0)))
        .containsExactly(method(baseRun), method(leafRun));
    assertThat(index.methods(new MethodRef(ProjectIndex.UNKNOWN_OWNER, "run", 0)))
        .containsExactly(method(baseRun), method(leafRun), method(otherRun));
    assertThat(index.methods(new MethodRef("x.Unknown", "run", 0))).isEmpty();

    // Base.run() is reached through Base, Mid, Leaf and unknown owners, sorted by location
    assertThat(index.callers(baseRun))
        .extracting(site -> site.at().startLine())
        .containsExactly(10, 12, 13, 14);
    assertThat(index.callers(otherRun))
        .extracting(site -> site.at().startLine())
        .containsExactly(11, 13);
  }

  private static MethodSummary method(MethodRef ref) {
    return new MethodSummary(ref, List.of(), Location.line(ref.owner() + ".java", 5), List.of());
  }

  private static CallSiteSummary call(MethodRef caller, String owner, int line) {
    return new CallSiteSummary(
        caller, new MethodRef(owner, "run", 0), Location.line("c/Main.java", line), List.of());
  }
}

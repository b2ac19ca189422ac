package dev.keyaudit.scanner.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.scanner.resolve.Summaries.CallSiteSummary;
import dev.keyaudit.scanner.resolve.Summaries.FieldSummary;
import dev.keyaudit.scanner.resolve.Summaries.FileSummary;
import dev.keyaudit.scanner.resolve.Summaries.MethodSummary;
import dev.keyaudit.scanner.resolve.Summaries.TypeSummary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The project-wide resolver on hand-built IR, independent of any frontend. */
class ProjectResolverTest {

  private static Location at(String file, int line) {
    return Location.line(file, line);
  }

  private static Expr c(Object v, String file, int line) {
    return new Expr.Const(v, at(file, line));
  }

  private static TypeSummary type(
      String name,
      List<String> supers,
      List<FieldSummary> fields,
      List<MethodSummary> methods,
      List<CallSiteSummary> calls) {
    return new TypeSummary(name, supers, fields, methods, calls);
  }

  @Test
  void constantsAcrossClassesAndInterfacesWithArithmeticAndTrace() {
    FieldSummary base =
        new FieldSummary(
            "BASE", true, true, at("Sizes.java", 3), List.of(c(1024, "Sizes.java", 3)));
    FieldSummary bits =
        new FieldSummary(
            "BITS",
            true,
            true,
            at("Sizes.java", 4),
            List.of(
                new Expr.Arith(
                    "*",
                    new Expr.FieldRef("a.Sizes", "BASE", at("Sizes.java", 4)),
                    c(2, "Sizes.java", 4))));
    TypeSummary sizes = type("a.Sizes", List.of(), List.of(base, bits), List.of(), List.of());
    TypeSummary user = type("b.User", List.of("Sizes"), List.of(), List.of(), List.of());
    ProjectResolver r = new ProjectResolver(index(sizes, user), ConfigSource.NONE);

    Resolved inherited = r.resolve(new Expr.FieldRef("b.User", "BITS", at("User.java", 9)));

    assertThat(inherited.candidates())
        .singleElement()
        .satisfies(
            cand -> {
              assertThat(cand.value()).isEqualTo(2048);
              assertThat(cand.trace())
                  .extracting(TraceStep::message)
                  .containsExactly("constant Sizes.BASE = 1024", "constant Sizes.BITS = 2048");
            });
  }

  @Test
  void parameterFourCallLevelsDeepReportsTheWeakCallerLast() {
    // Sink(int p) <- L3(int p) <- L2(int p) <- L1(int p) <- Strong: L1(3072), Weak: L1(1024)
    List<MethodSummary> methods = new ArrayList<>();
    List<CallSiteSummary> calls = new ArrayList<>();
    String[] chain = {"sink", "l3", "l2", "l1"};
    for (int i = 0; i < chain.length; i++) {
      MethodRef m = new MethodRef("a.Chain", chain[i], 1);
      methods.add(new MethodSummary(m, List.of("p"), at("Chain.java", 10 + i), List.of()));
      if (i > 0) {
        MethodRef callee = new MethodRef("a.Chain", chain[i - 1], 1);
        calls.add(
            new CallSiteSummary(
                m,
                callee,
                at("Chain.java", 20 + i),
                List.of(new Expr.ParamRef(m, 0, "p", at("Chain.java", 20 + i)))));
      }
    }
    MethodRef l1 = new MethodRef("a.Chain", "l1", 1);
    calls.add(
        new CallSiteSummary(
            new MethodRef("c.Strong", "run", 0),
            l1,
            at("Strong.java", 5),
            List.of(c(3072, "Strong.java", 5))));
    calls.add(
        new CallSiteSummary(
            new MethodRef("c.Weak", "run", 0),
            new MethodRef("Chain", "l1", 1),
            at("Weak.java", 7),
            List.of(c(1024, "Weak.java", 7))));
    ProjectResolver r =
        new ProjectResolver(
            index(type("a.Chain", List.of(), List.of(), methods, calls)), ConfigSource.NONE);

    Resolved p =
        r.resolve(
            new Expr.ParamRef(new MethodRef("a.Chain", "sink", 1), 0, "p", at("Chain.java", 10)));
    TraceStep sink = new TraceStep(at("Chain.java", 11), "key size");
    Value<Integer> v = Values.toValue(p, sink, Values::asInt, "not a number");

    assertThat(v).isInstanceOf(Value.OneOf.class);
    Value.Known<Integer> weak =
        v.candidates().stream().filter(k -> k.value() == 1024).findFirst().orElseThrow();
    List<TraceStep> trace = weak.trace();
    assertThat(trace.get(trace.size() - 1).location()).isEqualTo(at("Weak.java", 7));
    assertThat(trace.get(trace.size() - 2)).isEqualTo(sink);
    assertThat(trace).extracting(s -> s.location().path()).contains("Chain.java");
  }

  @Test
  void callResultIsResolvedInCallContextAndRecursionIsCut() {
    MethodRef id = new MethodRef("a.H", "id", 1);
    MethodRef loop = new MethodRef("a.H", "loop", 0);
    MethodSummary idM =
        new MethodSummary(
            id,
            List.of("x"),
            at("H.java", 2),
            List.of(new Expr.ParamRef(id, 0, "x", at("H.java", 2))));
    MethodSummary loopM =
        new MethodSummary(
            loop,
            List.of(),
            at("H.java", 3),
            List.of(
                new Expr.Branches(
                    List.of(
                        c(256, "H.java", 3), new Expr.Call(loop, List.of(), at("H.java", 3))))));
    ProjectResolver r =
        new ProjectResolver(
            index(type("a.H", List.of(), List.of(), List.of(idM, loopM), List.of())),
            ConfigSource.NONE);

    Resolved viaId = r.resolve(new Expr.Call(id, List.of(c(128, "X.java", 1)), at("X.java", 1)));
    Resolved viaLoop = r.resolve(new Expr.Call(loop, List.of(), at("X.java", 2)));

    assertThat(viaId.candidates()).extracting(Resolved.Candidate::value).containsExactly(128);
    assertThat(viaLoop.candidates()).extracting(Resolved.Candidate::value).containsExactly(256);
    assertThat(viaLoop.unknowns()).anyMatch(u -> u.contains("recursive") || u.contains("cycle"));
  }

  @Test
  void configurationWinsOverTheDefaultAndProfilesAreReportedEach() {
    ConfigSource config =
        (kind, key) ->
            key.equals("rsa.bits")
                ? List.of(
                    new ConfigSource.Setting("3072", at("application.yml", 2), ""),
                    new ConfigSource.Setting("1024", at("application-legacy.yml", 2), "legacy"))
                : List.of();
    ProjectResolver r = new ProjectResolver(index(), config);

    Resolved set =
        r.resolve(
            new Expr.ConfigLookup(
                Expr.ConfigKind.SPRING,
                c("rsa.bits", "A.java", 1),
                c("2048", "A.java", 1),
                at("A.java", 1)));
    Resolved unset =
        r.resolve(
            new Expr.ConfigLookup(
                Expr.ConfigKind.SPRING,
                c("ec.bits", "A.java", 2),
                c("2048", "A.java", 2),
                at("A.java", 2)));

    assertThat(set.candidates())
        .extracting(Resolved.Candidate::value)
        .containsExactly("3072", "1024");
    assertThat(set.candidates().get(1).trace())
        .extracting(TraceStep::message)
        .anyMatch(m -> m.contains("profile legacy"));
    assertThat(unset.candidates()).extracting(Resolved.Candidate::value).containsExactly("2048");
  }

  @Test
  void resultsDoNotDependOnFileOrderOrQuestionOrder() {
    FieldSummary f =
        new FieldSummary("K", true, true, at("K.java", 1), List.of(c(512, "K.java", 1)));
    FieldSummary g =
        new FieldSummary(
            "G",
            true,
            true,
            at("K.java", 2),
            List.of(
                new Expr.Concat(
                    List.of(
                        c("RSA", "K.java", 2), new Expr.FieldRef("a.K", "K", at("K.java", 2))))));
    List<FileSummary> files =
        new ArrayList<>(
            List.of(
                new FileSummary(
                    "K.java", List.of(type("a.K", List.of(), List.of(f, g), List.of(), List.of()))),
                new FileSummary(
                    "L.java", List.of(type("a.L", List.of(), List.of(), List.of(), List.of())))));
    ProjectResolver one = new ProjectResolver(new ProjectIndex(files), ConfigSource.NONE);
    Collections.reverse(files);
    ProjectResolver two = new ProjectResolver(new ProjectIndex(files), ConfigSource.NONE);

    Resolved a1 = one.field("a.K", "G");
    two.field("a.K", "K");
    Resolved a2 = two.field("K", "G");

    assertThat(a1).isEqualTo(a2);
    assertThat(a1.candidates()).extracting(Resolved.Candidate::value).containsExactly("RSA512");
  }

  private static ProjectIndex index(TypeSummary... types) {
    List<FileSummary> files = new ArrayList<>();
    for (TypeSummary t : types) {
      files.add(new FileSummary(t.name() + ".java", List.of(t)));
    }
    return new ProjectIndex(files);
  }
}

package dev.keyaudit.scanner.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.RngSpec;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.scanner.jca.RngSpecs;
import dev.keyaudit.scanner.resolve.LibraryObjects.Created;
import dev.keyaudit.scanner.resolve.LibraryObjects.Drawn;
import dev.keyaudit.scanner.resolve.Summaries.CallSiteSummary;
import dev.keyaudit.scanner.resolve.Summaries.FieldSummary;
import dev.keyaudit.scanner.resolve.Summaries.FileSummary;
import dev.keyaudit.scanner.resolve.Summaries.MethodSummary;
import dev.keyaudit.scanner.resolve.Summaries.TypeSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Random generators as values of the engine, on hand-built IR as any frontend would lower it: a
 * creation is a call outside the project that the JCA model knows, followed like a constant.
 */
class LibraryObjectsTest {

  private static final MethodRef GET_INSTANCE =
      new MethodRef("java.security.SecureRandom", "getInstance", 1);
  private static final MethodRef NEW_RANDOM = new MethodRef("java.util.Random", "<init>", 0);

  private static Location at(int line) {
    return Location.line("Keys.java", line);
  }

  @Test
  void aSecureRandomInAFieldSetByAFactoryOfAnotherClassResolvesToItsCreation() {
    MethodRef legacy = new MethodRef("a.Rngs", "legacy", 0);
    Expr creation = new Expr.Call(GET_INSTANCE, List.of(new Expr.Const("SHA1PRNG", at(3))), at(3));
    TypeSummary rngs =
        new TypeSummary(
            "a.Rngs",
            List.of(),
            List.of(),
            List.of(new MethodSummary(legacy, List.of(), at(2), List.of(creation))),
            List.of());
    FieldSummary field =
        new FieldSummary(
            "rng", true, true, at(7), List.of(new Expr.Call(legacy, List.of(), at(7))));
    TypeSummary keys = new TypeSummary("b.Keys", List.of(), List.of(field), List.of(), List.of());
    ProjectResolver r =
        new ProjectResolver(
            new ProjectIndex(List.of(new FileSummary("Keys.java", List.of(rngs, keys)))),
            ConfigSource.NONE);

    Resolved resolved = r.field("b.Keys", "rng");

    assertThat(resolved.candidates())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.value()).isInstanceOf(Created.class);
              assertThat(c.trace())
                  .extracting(TraceStep::message)
                  .containsExactly(
                      "SecureRandom.getInstance() created",
                      "returned by legacy()",
                      "constant Keys.rng");
            });
    RngSpec spec = RngSpecs.of(resolved, new TraceStep(at(12), "SecureRandom passed to init"));
    assertThat(spec.algorithm()).isInstanceOf(Value.Known.class);
    Value.Known<String> algorithm = (Value.Known<String>) spec.algorithm();
    assertThat(algorithm.value()).isEqualTo("SHA1PRNG");
    assertThat(algorithm.trace().get(algorithm.trace().size() - 1).location()).isEqualTo(at(12));
  }

  @Test
  void outputDrawnFromAFieldsRandomTravelsThroughAHelperAndALibraryConversion() {
    FieldSummary random =
        new FieldSummary(
            "RANDOM", true, true, at(2), List.of(new Expr.Call(NEW_RANDOM, List.of(), at(2))));
    MethodRef draw = new MethodRef("a.Tokens", "draw", 0);
    Expr drawn = new Expr.Drawn(new Expr.FieldRef("a.Tokens", "RANDOM", at(5)), "nextLong", at(5));
    MethodSummary helper = new MethodSummary(draw, List.of(), at(4), List.of(drawn));
    TypeSummary tokens =
        new TypeSummary(
            "a.Tokens", List.of(), List.of(random), List.of(helper), List.<CallSiteSummary>of());
    ProjectResolver r =
        new ProjectResolver(
            new ProjectIndex(List.of(new FileSummary("Keys.java", List.of(tokens)))),
            ConfigSource.NONE);

    Expr hex =
        new Expr.Call(
            new MethodRef("java.lang.Long", "toHexString", 1),
            List.of(new Expr.Call(draw, List.of(), at(9))),
            at(9));
    Resolved resolved = r.resolve(hex);

    assertThat(resolved.candidates())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.value()).isInstanceOf(Drawn.class);
              assertThat(((Drawn) c.value()).source().factory()).isEqualTo(NEW_RANDOM);
              assertThat(c.trace())
                  .extracting(TraceStep::message)
                  .containsExactly(
                      "new Random() created",
                      "constant Tokens.RANDOM",
                      "nextLong()",
                      "returned by draw()",
                      "through toHexString()");
            });
  }

  @Test
  void withoutALibraryModelACreationStaysUnknown() {
    ProjectResolver r =
        new ProjectResolver(
            new ProjectIndex(List.of()), ConfigSource.NONE, LibraryObjects.Model.NONE);
    assertThat(r.resolve(new Expr.Call(NEW_RANDOM, List.of(), at(2))).isUnknown()).isTrue();
  }
}

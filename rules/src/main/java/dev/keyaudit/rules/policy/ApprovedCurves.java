package dev.keyaudit.rules.policy;

import dev.keyaudit.rules.jca.Curve;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The named curves a policy approves for key generation (rule KA103), with the source. */
public record ApprovedCurves(List<Curve> curves, String source) implements java.io.Serializable {

  public ApprovedCurves {
    curves = List.copyOf(curves);
    Objects.requireNonNull(source, "source");
  }

  public boolean approves(Curve curve) {
    return curves.stream().anyMatch(c -> c.name().equals(curve.name()));
  }

  /** e.g. "P-256, P-384, P-521". */
  public String names() {
    return curves.stream().map(ApprovedCurves::shortName).collect(Collectors.joining(", "));
  }

  private static String shortName(Curve c) {
    return c.aliases().stream().filter(a -> a.matches("[PKB]-\\d+")).findFirst().orElse(c.name());
  }
}

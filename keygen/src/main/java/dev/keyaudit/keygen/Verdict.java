package dev.keyaudit.keygen;

import java.util.Locale;
import java.util.Objects;

/**
 * A policy's answer to an allowed request. Refusals are {@link PolicyViolationException}s, so a
 * verdict is always "you may generate this", with a status saying for how long.
 *
 * @param status acceptable, transitional (allowed until a published date) or deprecated (allowed,
 *     with a risk the data owner accepts)
 * @param note why the status is not plain acceptable, with the rule and date; empty otherwise
 */
public record Verdict(Status status, String note) {

  /** Lifetime status of an allowed key, in SP 800-131A / CNSA 2.0 wording. */
  public enum Status {
    ACCEPTABLE,
    TRANSITIONAL,
    DEPRECATED;

    /** Lower-case form used in evidence records. */
    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Verdict {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(note, "note");
  }

  static Verdict acceptable() {
    return new Verdict(Status.ACCEPTABLE, "");
  }
}

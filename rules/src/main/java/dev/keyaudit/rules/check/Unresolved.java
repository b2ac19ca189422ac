package dev.keyaudit.rules.check;

import dev.keyaudit.rules.model.Location;

/**
 * A rule that could not be decided because a value was {@code Unknown}. Not a finding; counted per
 * rule and listed by {@code --explain} ("12 call sites unresolved").
 */
public record Unresolved(String ruleId, Location location, String what, String why) {}

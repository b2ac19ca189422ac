package dev.keyaudit.agent.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Remembers which tenants and environments each RNG instance has served, to report one instance
 * serving two of them (state shared across tenants: one tenant's draws shape another's keys).
 */
public final class RngSharing {

  private final Map<Object, Set<String>> served = Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * Records that {@code rng} served {@code tenant} in {@code environment}; returns the other
   * tenants/environments it served before ({@code tenant:x}, {@code environment:y}), empty when
   * none or when this pair was already reported.
   */
  public List<String> observe(Object rng, String tenant, String environment) {
    if (rng == null) {
      return List.of();
    }
    List<String> mine = new ArrayList<>(2);
    if (tenant != null) {
      mine.add("tenant:" + tenant);
    }
    if (environment != null) {
      mine.add("environment:" + environment);
    }
    if (mine.isEmpty()) {
      return List.of();
    }
    synchronized (served) {
      Set<String> seen = served.computeIfAbsent(rng, k -> new LinkedHashSet<>());
      boolean isNew = !seen.containsAll(mine);
      List<String> others = new ArrayList<>();
      for (String s : seen) {
        if (!mine.contains(s) && sameKindAsOneOf(s, mine)) {
          others.add(s);
        }
      }
      seen.addAll(mine);
      return isNew ? List.copyOf(others) : List.of();
    }
  }

  private static boolean sameKindAsOneOf(String s, List<String> mine) {
    String kind = s.substring(0, s.indexOf(':') + 1);
    for (String m : mine) {
      if (m.startsWith(kind)) {
        return true;
      }
    }
    return false;
  }
}

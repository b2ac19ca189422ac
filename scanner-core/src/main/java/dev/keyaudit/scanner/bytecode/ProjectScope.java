package dev.keyaudit.scanner.bytecode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which classes of a project the shared engine needs summarised: those within {@link #MAX_HOPS}
 * constant-pool references (either direction) of a class that names a crypto or random API. Values
 * reach an API call from the classes it reads (constants, helpers, builders) and from the callers
 * that pass them; a dependency tree's other classes keep the cheap path: a constant-pool look.
 */
final class ProjectScope {

  /** Call levels a value may cross to reach an API call (caller → facade → service → worker). */
  static final int MAX_HOPS = 4;

  private ProjectScope() {}

  /**
   * The indexes of the classes to summarise: {@code seeds} and every class within {@link #MAX_HOPS}
   * references of one. {@code names} are internal names, {@code references} what each class's
   * constant pool names.
   */
  static boolean[] select(List<String> names, List<Set<String>> references, boolean[] seeds) {
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i) != null) {
        byName.putIfAbsent(names.get(i), i);
      }
    }
    List<List<Integer>> edges = new ArrayList<>();
    names.forEach(n -> edges.add(new ArrayList<>()));
    for (int i = 0; i < names.size(); i++) {
      for (String ref : references.get(i)) {
        Integer j = byName.get(ref);
        if (j != null && j != i) {
          edges.get(i).add(j);
          edges.get(j).add(i);
        }
      }
    }
    int[] hops = new int[names.size()];
    java.util.Arrays.fill(hops, -1);
    ArrayDeque<Integer> todo = new ArrayDeque<>();
    for (int i = 0; i < seeds.length; i++) {
      if (seeds[i]) {
        hops[i] = 0;
        todo.add(i);
      }
    }
    while (!todo.isEmpty()) {
      int i = todo.poll();
      if (hops[i] == MAX_HOPS) {
        continue;
      }
      for (int j : edges.get(i)) {
        if (hops[j] < 0) {
          hops[j] = hops[i] + 1;
          todo.add(j);
        }
      }
    }
    boolean[] selected = new boolean[names.size()];
    for (int i = 0; i < hops.length; i++) {
      selected[i] = hops[i] >= 0;
    }
    return selected;
  }
}

package dev.keyaudit.scanner.source;

import dev.keyaudit.rules.model.Location;

/**
 * A local variable or parameter in a lexical scope. Identity matters: two variables of the same
 * name in sibling blocks are different keys of the flow state.
 *
 * @param type resolved API type, primitive name, "var" or null
 * @param parameterOf for parameters, how to name them in an Unknown ("parameter keySize of
 *     Keys.create(int)"); null for locals
 */
record LocalVar(String name, String type, Location location, String parameterOf) {

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}

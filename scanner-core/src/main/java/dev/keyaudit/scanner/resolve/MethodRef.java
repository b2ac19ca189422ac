package dev.keyaudit.scanner.resolve;

import java.util.Objects;

/**
 * A method by owner class, name and number of parameters. Overloads with the same arity are not
 * told apart (source has no types without a symbol solver); the resolver then joins them.
 */
public record MethodRef(String owner, String name, int arity) implements Comparable<MethodRef> {
  public MethodRef {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(name, "name");
  }

  public String simpleOwner() {
    int dot = owner.lastIndexOf('.');
    return dot < 0 ? owner : owner.substring(dot + 1);
  }

  @Override
  public int compareTo(MethodRef o) {
    int c = owner.compareTo(o.owner);
    if (c == 0) {
      c = name.compareTo(o.name);
    }
    return c != 0 ? c : Integer.compare(arity, o.arity);
  }

  @Override
  public String toString() {
    return simpleOwner() + "." + name + "/" + arity;
  }
}

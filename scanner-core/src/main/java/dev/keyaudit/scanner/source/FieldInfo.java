package dev.keyaudit.scanner.source;

import com.github.javaparser.ast.expr.Expression;
import dev.keyaudit.rules.model.Location;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A field of a class in the scanned file: its declaration, and what the walk learned about the
 * objects stored in it. Identity is the key of the flow state, as for {@link LocalVar}.
 */
final class FieldInfo {
  final String name;
  final ClassScope owner;

  /** Resolved API type or primitive name, or null when neither. */
  final String type;

  final boolean isFinal;

  /** The declaration's initialiser, or null. */
  final Expression initializer;

  final Location location;
  final FieldSlot slot;

  /** Every tracked object stored in the field anywhere in the file. */
  final Set<TrackedObject> assigned = new LinkedHashSet<>();

  /** Objects created by the field's own initialiser. */
  final List<TrackedObject> initializerObjects = new ArrayList<>();

  /** Memoised constant value of a final field (null until computed). */
  AbstractValue constant;

  boolean resolving;

  FieldInfo(
      String name,
      ClassScope owner,
      String type,
      boolean isFinal,
      Expression initializer,
      Location location) {
    this.name = name;
    this.owner = owner;
    this.type = type;
    this.isFinal = isFinal;
    this.initializer = initializer;
    this.location = location;
    this.slot = new FieldSlot(this);
  }

  /** Records that {@code object} was stored in this field. */
  void store(TrackedObject object, boolean fromInitializer) {
    assigned.add(object);
    object.storedIn.add(this);
    if (fromInitializer) {
      initializerObjects.add(object);
    }
  }

  String qualifiedName() {
    return owner.name() + "." + name;
  }

  @Override
  public String toString() {
    return qualifiedName();
  }
}

package dev.keyaudit.scanner.source;

/**
 * The unknown object a field holds when it is read in a method that did not assign it. Calls on it
 * are recorded here and, at the end of the file, apply to every object stored in the field.
 */
final class FieldSlot extends Receiver {
  final FieldInfo field;

  FieldSlot(FieldInfo field) {
    this.field = field;
  }

  @Override
  public String toString() {
    return "field " + field.name;
  }
}

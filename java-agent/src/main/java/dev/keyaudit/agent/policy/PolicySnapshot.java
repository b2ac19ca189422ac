package dev.keyaudit.agent.policy;

import dev.keyaudit.rules.catalog.RuleCatalog;
import dev.keyaudit.rules.catalog.RuleDescriptor;
import dev.keyaudit.rules.policy.Policies;
import dev.keyaudit.rules.policy.Policy;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The built-in policies and rule catalog as resolved from their YAML at build time ({@link
 * PolicySnapshotWriter}), read with plain Java deserialization: loading them through SnakeYAML and
 * Jackson took about 0.65 s of CPU at start-up (≈ 1,100 classes, run interpreted). {@code
 * PolicySnapshotTest} checks the resource against {@link Policies#load}.
 */
public record PolicySnapshot(List<Policy> policies, List<RuleDescriptor> rules)
    implements Serializable {

  /** Resource written by the build into the agent's classes. */
  public static final String RESOURCE = "/dev/keyaudit/agent/policy/built-in-policies.ser";

  /** The built-in policies and catalog, resolved from the YAML now. */
  public static PolicySnapshot fromYaml() {
    return new PolicySnapshot(Policies.builtIn(), RuleCatalog.builtIn().rules());
  }

  /** The policy with {@code id}, judged today unless it pins its own evaluation date. */
  public Optional<Policy> policy(String id) {
    return policies.stream()
        .filter(p -> p.id().equals(id))
        .findFirst()
        .map(
            p ->
                p.evaluationDatePinned() ? p : p.withEvaluationDate(LocalDate.now(ZoneOffset.UTC)));
  }

  public RuleCatalog catalog() {
    return RuleCatalog.of(rules);
  }

  /** The build-time snapshot, or empty when the resource is absent (classes run from an IDE). */
  public static Optional<PolicySnapshot> builtIn() throws IOException {
    try (InputStream in = PolicySnapshot.class.getResourceAsStream(RESOURCE)) {
      return in == null ? Optional.empty() : Optional.of(read(in));
    }
  }

  /**
   * The stream starts with the package of {@link Policy} as the writer knew it; the agent jar
   * relocates the rules module, so class names are mapped from that root to this one.
   */
  static PolicySnapshot read(InputStream in) throws IOException {
    try (ObjectInputStream objects = new RelocatingInput(in)) {
      Object read = objects.readObject();
      if (!(read instanceof PolicySnapshot snapshot)) {
        throw new InvalidClassException("not a policy snapshot: " + read.getClass());
      }
      return snapshot;
    } catch (ClassNotFoundException e) {
      throw new InvalidClassException("policy snapshot: " + e.getMessage());
    }
  }

  void write(OutputStream out) throws IOException {
    ObjectOutputStream objects = new ObjectOutputStream(out);
    objects.writeUTF(rulesRoot());
    objects.writeObject(this);
    objects.flush();
  }

  /** {@code dev.keyaudit.rules.} here, wherever the jar relocated it. */
  private static String rulesRoot() {
    String pkg = Policy.class.getPackageName();
    return pkg.substring(0, pkg.lastIndexOf('.') + 1);
  }

  private static final class RelocatingInput extends ObjectInputStream {
    private final String writtenRoot;
    private final String localRoot = rulesRoot();

    RelocatingInput(InputStream in) throws IOException {
      super(in);
      this.writtenRoot = readUTF();
      // only the snapshot's own types: deserialization never instantiates anything else
      setObjectInputFilter(
          info -> {
            Class<?> type = info.serialClass();
            while (type != null && type.isArray()) {
              type = type.getComponentType();
            }
            if (type == null || type.isPrimitive()) {
              return ObjectInputFilter.Status.UNDECIDED;
            }
            String name = type.getName();
            return name.startsWith("java.")
                    || name.startsWith(localRoot)
                    || type == PolicySnapshot.class
                ? ObjectInputFilter.Status.ALLOWED
                : ObjectInputFilter.Status.REJECTED;
          });
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      String name = desc.getName();
      if (name.startsWith(writtenRoot)) {
        return Class.forName(
            localRoot + name.substring(writtenRoot.length()), false, Policy.class.getClassLoader());
      }
      return super.resolveClass(desc);
    }
  }
}

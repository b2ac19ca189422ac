package dev.keyaudit.agent.policy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves the built-in policies and the rule catalog from the {@code rules} module's YAML and
 * writes {@link PolicySnapshot#RESOURCE} under a resource folder. {@code PolicySnapshotTest} fails
 * while the checked-in snapshot differs from the YAML and rewrites it when run with {@code
 * -Dkeyaudit.policySnapshot.write=true}. Usage: {@code PolicySnapshotWriter RESOURCES_DIR}.
 */
public final class PolicySnapshotWriter {

  private PolicySnapshotWriter() {}

  public static void main(String[] args) throws IOException {
    write(Path.of(args[0]));
  }

  /** Writes the snapshot under {@code resourcesDir}; returns the file. */
  public static Path write(Path resourcesDir) throws IOException {
    Path target = resourcesDir.resolve(PolicySnapshot.RESOURCE.substring(1));
    Files.createDirectories(target.getParent());
    try (OutputStream out = Files.newOutputStream(target)) {
      PolicySnapshot.fromYaml().write(out);
    }
    return target;
  }
}

package dev.keyaudit.agent.policy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves the built-in policies and the rule catalog from the {@code rules} module's YAML and
 * writes {@link PolicySnapshot#RESOURCE} under a class-output folder. The build runs it in {@code
 * process-classes} (exec-maven-plugin, see the module's pom), so the snapshot in the jar is always
 * the YAML of the same build. Usage: {@code PolicySnapshotWriter CLASSES_DIR}.
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

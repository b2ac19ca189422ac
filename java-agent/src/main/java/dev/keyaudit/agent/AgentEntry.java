package dev.keyaudit.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The agent's entry point ({@code Premain-Class}, {@code Agent-Class}, {@code Main-Class}). It only
 * puts the bootstrap dispatcher on the boot class path and then hands over by reflection: it must
 * not mention any other agent type, or the JVM fails while looking up {@code premain} (a class that
 * the boot loader should own would be loaded by the system loader first).
 */
public final class AgentEntry {

  static final String BOOTSTRAP_PACKAGE = "dev/keyaudit/agent/bootstrap/";

  private AgentEntry() {}

  /** {@code -javaagent:keyaudit-agent.jar[=options]}. */
  public static void premain(String args, Instrumentation inst) {
    start(args, inst, false);
  }

  /** Dynamic attach. */
  public static void agentmain(String args, Instrumentation inst) {
    start(args, inst, true);
  }

  /** {@code java -jar keyaudit-agent.jar PID [options]}: attach to a running JVM. */
  public static void main(String[] argv) throws Exception {
    Class.forName("dev.keyaudit.agent.Attacher")
        .getMethod("main", String[].class)
        .invoke(null, (Object) argv);
  }

  private static void start(String args, Instrumentation inst, boolean attached) {
    try {
      File source =
          new File(AgentEntry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      inst.appendToBootstrapClassLoaderSearch(new JarFile(bootstrapJar(source).toFile(), false));
      Class.forName("dev.keyaudit.agent.AgentInstaller")
          .getMethod("install", String.class, Instrumentation.class, boolean.class)
          .invoke(null, args, inst, attached);
    } catch (Throwable t) {
      // the application must start anyway; say why the agent did not
      Throwable cause =
          t instanceof java.lang.reflect.InvocationTargetException && t.getCause() != null
              ? t.getCause()
              : t;
      System.err.println("[keyaudit-agent] not started, keys are NOT audited: " + cause);
    }
  }

  /** Copies the dispatcher classes (from the agent jar or a classes directory) into a temp jar. */
  static Path bootstrapJar(File source) throws IOException {
    Path jar = Files.createTempFile("keyaudit-agent-bootstrap", ".jar");
    jar.toFile().deleteOnExit();
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      if (source.isDirectory()) {
        Path dir = source.toPath().resolve(BOOTSTRAP_PACKAGE);
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : (Iterable<Path>) files::iterator) {
            out.putNextEntry(new JarEntry(BOOTSTRAP_PACKAGE + f.getFileName()));
            Files.copy(f, out);
            out.closeEntry();
          }
        }
      } else {
        try (JarFile agent = new JarFile(source, false)) {
          Enumeration<JarEntry> entries = agent.entries();
          while (entries.hasMoreElements()) {
            JarEntry e = entries.nextElement();
            if (e.getName().startsWith(BOOTSTRAP_PACKAGE) && e.getName().endsWith(".class")) {
              out.putNextEntry(new JarEntry(e.getName()));
              try (InputStream in = agent.getInputStream(e)) {
                in.transferTo(out);
              }
              out.closeEntry();
            }
          }
        }
      }
    }
    return jar;
  }
}

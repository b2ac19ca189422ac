package dev.keyaudit.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * The agent's entry point ({@code Premain-Class}, {@code Agent-Class}, {@code Main-Class}). It only
 * puts the bootstrap dispatcher on the boot class path and then hands over by reflection: it must
 * not mention any other agent type, or the JVM fails while looking up {@code premain} (a class that
 * the boot loader should own would be loaded by the system loader first).
 */
public final class AgentEntry {

  static final String BOOTSTRAP_PACKAGE = "dev/keyaudit/agent/bootstrap/";

  private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

  /** Every class of {@link #BOOTSTRAP_PACKAGE} (the boot loader must find all of them). */
  static final String[] BOOTSTRAP_CLASSES = {
    "Dispatcher", "Dispatcher$Scope", "Hooks", "KeyAuditContext", "KeyAuditContext$Scope"
  };

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

  /**
   * Copies the dispatcher classes into a temp jar, reading each by name: enumerating the whole
   * shaded jar (thousands of entries) cost tens of milliseconds of start-up. {@code
   * BootstrapClassesTest} checks that the list names every class of the package.
   */
  static Path bootstrapJar(File source) throws IOException {
    Path jar = Files.createTempFile("keyaudit-agent-bootstrap", ".jar");
    jar.toFile().deleteOnExit();
    try (JarFile agent = source.isDirectory() ? null : new JarFile(source, false);
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String name : BOOTSTRAP_CLASSES) {
        String entry = BOOTSTRAP_PACKAGE + name + ".class";
        JarEntry copy = new JarEntry(entry);
        // a fixed local time: the default (now, in the default zone) loads the time-zone database
        copy.setTimeLocal(FIXED_TIME);
        out.putNextEntry(copy);
        if (agent == null) {
          Files.copy(source.toPath().resolve(entry), out);
        } else {
          JarEntry e = agent.getJarEntry(entry);
          if (e == null) {
            throw new IOException("missing from the agent jar: " + entry);
          }
          try (InputStream in = agent.getInputStream(e)) {
            in.transferTo(out);
          }
        }
        out.closeEntry();
      }
    }
    return jar;
  }
}

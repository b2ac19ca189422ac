package dev.keyaudit.agent;

import java.io.File;
import java.lang.reflect.Method;

/**
 * {@code java -jar keyaudit-agent.jar PID [options]}: loads this jar into a running JVM through the
 * {@code jdk.attach} module. Best effort: JDK 21+ prints a warning unless the target allows dynamic
 * agents, and the agent cannot see what happened before the attach.
 */
public final class Attacher {

  private Attacher() {}

  public static void main(String[] argv) throws Exception {
    if (argv.length < 1 || !argv[0].matches("\\d+")) {
      System.err.println("usage: java -jar keyaudit-agent.jar PID [agent options]");
      System.exit(2);
      return;
    }
    File jar = new File(Attacher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    attach(argv[0], jar.getAbsolutePath(), argv.length > 1 ? argv[1] : "");
    System.out.println("[keyaudit-agent] loaded into JVM " + argv[0] + " from " + jar);
    System.out.println(
        "[keyaudit-agent] not visible after an attach: keys generated before now, init arguments"
            + " of generators created before now (sizes come from the keys instead)");
  }

  /** Loads {@code agentJar} into JVM {@code pid}; reflective so the agent needs no jdk.attach. */
  public static void attach(String pid, String agentJar, String options) throws Exception {
    Class<?> vmClass = Class.forName("com.sun.tools.attach.VirtualMachine");
    Object vm = vmClass.getMethod("attach", String.class).invoke(null, pid);
    try {
      Method load = vmClass.getMethod("loadAgent", String.class, String.class);
      load.invoke(vm, agentJar, options);
    } finally {
      vmClass.getMethod("detach").invoke(vm);
    }
  }
}

package dev.keyaudit.benchmarks.agent;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import javax.crypto.KeyGenerator;

/**
 * CPU time per key generation, on the generating thread, on the agent's writer thread and in
 * the whole process (JIT and GC included). CPU time is far less disturbed than JMH's wall time when
 * other processes share the cores, so {@code run.sh} records it next to JMH. Usage: {@code
 * CpuPerKey aes|ec WARMUP COUNT}; prints one line.
 */
public final class CpuPerKey {

  public static void main(String[] args) throws Exception {
    String what = args[0];
    int warmup = Integer.parseInt(args[1]);
    int count = Integer.parseInt(args[2]);
    Runnable op = operation(what);
    for (int i = 0; i < warmup; i++) {
      op.run();
    }
    Thread.sleep(1_000); // let the writer drain what the warm-up queued
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long thread0 = threads.getCurrentThreadCpuTime();
    long writer0 = writerCpu(threads);
    long process0 = os.getProcessCpuTime();
    long wall0 = System.nanoTime();
    for (int i = 0; i < count; i++) {
      op.run();
    }
    long thread = threads.getCurrentThreadCpuTime() - thread0;
    long wall = System.nanoTime() - wall0;
    Thread.sleep(1_000); // the writer's work for these keys counts too
    long process = os.getProcessCpuTime() - process0;
    long writer = writerCpu(threads) - writer0;
    System.out.printf(
        "cpu-per-key op=%s count=%d thread_ns=%d process_ns=%d writer_ns=%d wall_ns=%d%n",
        what, count, thread / count, process / count, writer / count, wall / count);
  }

  /** CPU time of the agent's writer thread so far (0 without the agent or without a log). */
  private static long writerCpu(ThreadMXBean threads) {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("keyaudit-agent-writer")) {
        return Math.max(0, threads.getThreadCpuTime(t.getId()));
      }
    }
    return 0;
  }

  private static Runnable operation(String what) throws Exception {
    if (what.equals("aes")) {
      KeyGenerator aes = KeyGenerator.getInstance("AES");
      aes.init(256);
      return aes::generateKey;
    }
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    return ec::generateKeyPair;
  }
}

package dev.keyaudit.benchmarks.agent;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the agent adds to the JCA calls it instruments. The agent and its options come from the
 * command line ({@code -jvmArgsAppend "-javaagent:..."}), so one class measures every
 * configuration: no agent, agent emitting nothing ({@code log=none,policy=none}), full events.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
// 10 s: with 3 s the JIT was still compiling the EC code and, with events, the agent's writer on
// the same 2 cores during the measurement, which inflated the EC overhead from ~3 % to ~10 %
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class KeyGenerationBenchmark {

  private KeyGenerator aes;
  private KeyPairGenerator ec;
  private KeyPairGenerator rsa;
  private SecureRandom random;
  private final byte[] bytes = new byte[32];

  @Setup
  public void setUp() throws Exception {
    aes = KeyGenerator.getInstance("AES");
    aes.init(256);
    ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    random = new SecureRandom();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public SecretKey aes256GenerateKey() {
    return aes.generateKey();
  }

  /**
   * 20 s of warm-up: at 10,000 keys a second the benchmark loop itself only reaches C2 after ~10 s
   * without the agent and ~14 s with it (-XX:+PrintCompilation, JDK 25, 2 cores), so a 10 s warm-up
   * measured the agent partly through compilations still running (+5 to +8 %); with 20 s the
   * three configurations are compared compiled. Ten measured seconds: this host has one- and
   * two-second disturbances of +10 % in every configuration, which the pooled median then skips.
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 20, time = 1)
  @Measurement(iterations = 10, time = 1)
  public KeyPair ecP256GenerateKeyPair() {
    return ec.generateKeyPair();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Measurement(iterations = 5, time = 2)
  public KeyPair rsa2048GenerateKeyPair() {
    return rsa.generateKeyPair();
  }

  /** The collateral cost on every SecureRandom user, outside any key generation. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public byte[] secureRandomNextBytes32() {
    random.nextBytes(bytes);
    return bytes;
  }
}

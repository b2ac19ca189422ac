package dev.keyaudit.benchmarks.agent;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyPairGeneratorSpi;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * EC P-256 with and without the agent's path in the same JVM, one-second iterations alternating.
 *
 * <p>Even iterations (200 ms each) call {@link KeyPairGenerator#generateKeyPair()}, the JCA entry point the agent
 * instruments; odd iterations call {@code generateKeyPair()} on the provider's own {@link
 * KeyPairGeneratorSpi} behind it, which the agent does not instrument (it hooks {@code java.base}'s
 * entry points, not providers). Both run the same provider code with the same kind of RNG, so the
 * ratio of neighbouring iterations is what the agent's event path costs, with the JIT state, the
 * heap and the host's load of those two seconds shared. {@link KeyGenerationBenchmark} compares
 * separate JVMs, whose compiled code and host minutes differ by more than the 3 % being measured on
 * a shared 2-core machine. Without the agent the same benchmark is the control: the two paths must
 * then come out equal. {@code paired_summary.py} splits the iterations by parity.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
// both counts even, so measured iteration k (from 0) took the JCA path exactly when k is even;
// 200 ms iterations: the host's one- and two-second disturbances then span both paths alike
@Warmup(
    iterations = PairedEcBenchmark.WARMUP_ITERATIONS,
    time = 200,
    timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 150, time = 200, timeUnit = TimeUnit.MILLISECONDS)
public class PairedEcBenchmark {

  /** 30 s: each path gets 15 s, past the ~14 s the EC loop needs to reach C2 with the agent. */
  static final int WARMUP_ITERATIONS = 150;

  private KeyPairGenerator jca;
  private KeyPairGeneratorSpi spi;
  private int iteration;
  private boolean viaJca;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    ECGenParameterSpec p256 = new ECGenParameterSpec("secp256r1");
    jca = KeyPairGenerator.getInstance("EC");
    jca.initialize(p256);
    spi =
        (KeyPairGeneratorSpi)
            jca.getProvider().getService("KeyPairGenerator", "EC").newInstance(null);
    // what KeyPairGenerator.initialize(spec) passes on: a new default SecureRandom
    spi.initialize(p256, new SecureRandom());
  }

  @Setup(Level.Iteration)
  public void alternate() {
    viaJca = iteration++ % 2 == 0;
  }

  @Benchmark
  public KeyPair ecP256Alternating() {
    return viaJca ? jca.generateKeyPair() : spi.generateKeyPair();
  }
}

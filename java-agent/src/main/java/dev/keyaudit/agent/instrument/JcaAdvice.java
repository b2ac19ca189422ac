package dev.keyaudit.agent.instrument;

import dev.keyaudit.agent.bootstrap.Dispatcher;
import net.bytebuddy.asm.Advice;

/**
 * The advice inlined into the JCA engine classes of {@code java.base}. Each piece only calls {@link
 * Dispatcher}, the one agent class the boot loader can see. Generation and init advice has no
 * {@code suppress}, so that an enforce decision reaches the caller; the dispatcher itself swallows
 * every other error.
 */
public final class JcaAdvice {

  private JcaAdvice() {}

  /** {@code KeyGenerator.init*}, {@code KeyPairGenerator.initialize*}. */
  public static final class Init {
    @Advice.OnMethodEnter
    static boolean enter(@Advice.This Object self, @Advice.AllArguments Object[] args) {
      return Dispatcher.enterInit(self, args);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter boolean opened) {
      Dispatcher.exitInit(opened);
    }
  }

  /** {@code KeyGenerator.generateKey()}, {@code KeyPairGenerator.generateKeyPair()}. */
  public static final class Generate {
    @Advice.OnMethodEnter
    static boolean enter(@Advice.This Object self) {
      return Dispatcher.enterGeneration(self);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(
        @Advice.Enter boolean opened,
        @Advice.This Object self,
        @Advice.Return Object key,
        @Advice.Thrown Throwable thrown) {
      Dispatcher.exitGeneration(opened, self, key, thrown);
    }
  }

  /** {@code SecureRandom.nextBytes*}, {@code generateSeed}: remembers the RNG a generation uses. */
  public static final class RandomUse {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object self) {
      Dispatcher.rngUsed(self);
    }
  }

  /** {@code SecureRandom.setSeed(byte[])}. */
  public static final class RandomSeed {
    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object self) {
      Dispatcher.rngSeeded(self, false);
    }
  }

  /** {@code SecureRandom.reseed(...)}. */
  public static final class RandomReseed {
    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object self) {
      Dispatcher.rngSeeded(self, true);
    }
  }

  /** {@code SecureRandom} constructors. */
  public static final class RandomCreated {
    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object self) {
      Dispatcher.rngCreated(self);
    }
  }

  /** {@code SecretKeySpec} constructors: the key length only, never the bytes. */
  public static final class KeyBuilt {
    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(
        @Advice.FieldValue("algorithm") String algorithm, @Advice.FieldValue("key") byte[] key) {
      Dispatcher.keyBuilt(algorithm, key);
    }
  }

  /** {@code KeyFactory.generatePrivate}. */
  public static final class KeyLoaded {
    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object self, @Advice.Return Object key) {
      Dispatcher.keyLoaded(self, key);
    }
  }
}

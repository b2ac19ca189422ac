package dev.keyaudit.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Installs the advice on the JCA engine classes of {@code java.base} (not on providers, so every
 * provider and provider order is covered). Advice objects are built before {@code installOn}: built
 * inside the transformer they would load {@code SecureRandom} under ByteBuddy's circularity lock
 * and it would silently never be instrumented.
 */
public final class JcaTransformer {

  private JcaTransformer() {}

  /**
   * Installs the transformer and retransforms the already loaded targets.
   *
   * @param providerPackages packages of installed third-party providers whose key pair generators
   *     extend {@code KeyPairGenerator} directly (BouncyCastle...)
   */
  public static ClassFileTransformer install(Instrumentation inst, List<String> providerPackages) {
    Advice init = Advice.to(JcaAdvice.Init.class);
    Advice generate = Advice.to(JcaAdvice.Generate.class);
    Advice randomUse = Advice.to(JcaAdvice.RandomUse.class);
    Advice randomSeed = Advice.to(JcaAdvice.RandomSeed.class);
    Advice randomReseed = Advice.to(JcaAdvice.RandomReseed.class);
    Advice randomCreated = Advice.to(JcaAdvice.RandomCreated.class);
    Advice keyBuilt = Advice.to(JcaAdvice.KeyBuilt.class);
    Advice keyLoaded = Advice.to(JcaAdvice.KeyLoaded.class);

    ElementMatcher.Junction<TypeDescription> candidates =
        // JDK key pair generators outside java.security extend KeyPairGenerator directly only in
        // sun.security.provider (DSA); everything else goes through KeyPairGenerator$Delegate
        named("javax.crypto.KeyGenerator")
            .or(named("javax.crypto.spec.SecretKeySpec"))
            .or(nameStartsWith("java.security."))
            .or(nameStartsWith("sun.security.provider."));
    // common third-party providers whose generators extend KeyPairGenerator directly; they are
    // often registered by the application after start-up, so premain cannot list them
    for (String p :
        List.of("org.bouncycastle", "com.ibm.crypto", "com.oracle.jipher", "com.amazon.corretto")) {
      candidates = candidates.or(nameStartsWith(p + "."));
    }
    for (String p : providerPackages) {
      candidates = candidates.or(nameStartsWith(p + "."));
    }

    return new AgentBuilder.Default(
            new ByteBuddy()
                .with(TypeValidation.DISABLED)
                .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE))
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .with(AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Reiterating.INSTANCE)
        .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
        .with(AgentBuilder.TypeStrategy.Default.DECORATE)
        .ignore(not(candidates).or(nameStartsWith("dev.keyaudit.agent.")))
        .type(named("javax.crypto.KeyGenerator"))
        .transform(
            (b, td, cl, m, pd) ->
                b.visit(init.on(named("init")))
                    .visit(generate.on(named("generateKey").and(takesArguments(0)))))
        .type(named("java.security.KeyPairGenerator"))
        .transform((b, td, cl, m, pd) -> b.visit(init.on(named("initialize"))))
        .type(hasSuperType(named("java.security.KeyPairGenerator")).and(not(isAbstract())))
        .transform(
            (b, td, cl, m, pd) ->
                b.visit(init.on(named("initialize").and(not(isAbstract()))))
                    .visit(
                        generate.on(
                            named("generateKeyPair")
                                .and(takesArguments(0))
                                .and(not(isAbstract())))))
        .type(named("java.security.SecureRandom"))
        .transform(
            (b, td, cl, m, pd) ->
                b.visit(randomUse.on(named("nextBytes").or(named("generateSeed"))))
                    .visit(randomSeed.on(named("setSeed").and(takesArgument(0, byte[].class))))
                    .visit(randomReseed.on(named("reseed")))
                    .visit(randomCreated.on(isConstructor())))
        .type(named("javax.crypto.spec.SecretKeySpec"))
        .transform((b, td, cl, m, pd) -> b.visit(keyBuilt.on(isConstructor())))
        .type(named("java.security.KeyFactory"))
        .transform(
            (b, td, cl, m, pd) ->
                b.visit(keyLoaded.on(named("generatePrivate").and(takesArguments(1)))))
        .installOn(inst);
  }
}

package dev.keyaudit.keygen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.DrbgParameters;
import java.security.DrbgParameters.Capability;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One DRBG per environment and tenant, with the parameters the policy states. */
class DrbgRegistryTest {

  private final DrbgRegistry registry = new DrbgRegistry();

  private Drbg drbg(String env, String tenant, int strength, Capability cap) throws Exception {
    return registry.drbg(new Scope(env, tenant), strength, cap);
  }

  @Test
  void twoEnvironmentsNeverShareAnInstance() throws Exception {
    Drbg prod = drbg("prod", null, 256, Capability.RESEED_ONLY);
    Drbg test = drbg("test", null, 256, Capability.RESEED_ONLY);
    Drbg staging = drbg("staging", null, 256, Capability.RESEED_ONLY);
    assertThat(prod.random()).isNotSameAs(test.random()).isNotSameAs(staging.random());
    assertThat(test.random()).isNotSameAs(staging.random());
    assertThat(personalization(prod)).contains("environment=prod;").doesNotContain("=test;");
    assertThat(personalization(test)).contains("environment=test;");
  }

  @Test
  void twoTenantsNeverShareAnInstanceAndOneScopeAlwaysGetsTheSame() throws Exception {
    Drbg acme = drbg("prod", "acme", 128, Capability.RESEED_ONLY);
    Drbg globex = drbg("prod", "globex", 128, Capability.RESEED_ONLY);
    Drbg noTenant = drbg("prod", null, 128, Capability.RESEED_ONLY);
    assertThat(acme.random()).isNotSameAs(globex.random()).isNotSameAs(noTenant.random());
    assertThat(drbg("prod", "acme", 128, Capability.RESEED_ONLY)).isSameAs(acme);
    assertThat(personalization(acme)).contains(";tenant=acme;");
    assertThat(personalization(noTenant)).contains(";tenant=-;");
    assertThat(registry.size()).isEqualTo(3);
  }

  @Test
  void environmentNamesAreCaseInsensitiveSoProdAndProdAreOneScope() throws Exception {
    assertThat(drbg("PROD", null, 128, Capability.RESEED_ONLY))
        .isSameAs(drbg("prod", null, 128, Capability.RESEED_ONLY));
  }

  @Test
  void theInstanceReportsTheRequestedStrengthAndCapability() throws Exception {
    for (int strength : new int[] {128, 192, 256}) {
      for (Capability cap : List.of(Capability.RESEED_ONLY, Capability.PR_AND_RESEED)) {
        Drbg d = drbg("test", null, strength, cap);
        DrbgParameters.Instantiation p = (DrbgParameters.Instantiation) d.random().getParameters();
        assertThat(p.getStrength()).isEqualTo(strength);
        assertThat(p.getCapability()).isEqualTo(cap);
        RngDescription rng = d.description();
        assertThat(rng.strength()).isEqualTo(strength);
        assertThat(rng.predictionResistance()).isEqualTo(cap == Capability.PR_AND_RESEED);
        assertThat(rng.raw()).isEqualTo(d.random().toString());
        assertThat(rng.sp800_90a()).isTrue();
        assertThat(rng.algorithm()).isEqualTo("DRBG").isNotIn("NativePRNG", "SHA1PRNG");
      }
    }
  }

  @Test
  void aSetSeedAfterCreationCannotMakeARegistryDrbgPredictable() throws Exception {
    // Registries instantiate their DRBGs from the entropy source at creation, so a setSeed() by
    // anyone holding the instance only reseeds; two instances seeded alike still differ.
    SecureRandom a =
        new DrbgRegistry().drbg(new Scope("test", null), 256, Capability.RESEED_ONLY).random();
    SecureRandom b =
        new DrbgRegistry().drbg(new Scope("test", null), 256, Capability.RESEED_ONLY).random();
    byte[] seed = "same seed".getBytes(StandardCharsets.UTF_8);
    a.setSeed(seed);
    b.setSeed(seed);
    byte[] outA = new byte[32];
    byte[] outB = new byte[32];
    a.nextBytes(outA);
    b.nextBytes(outB);
    assertThat(outA).isNotEqualTo(outB);
  }

  @Test
  void compliantKeysInDifferentEnvironmentsRecordDifferentInstances() {
    Recorder r = new Recorder();
    CompliantKeys keys =
        CompliantKeys.forPolicy("nist-800-131a").withDrbgRegistry(registry).withListener(r);
    keys.withEnvironment("prod").aes(256);
    keys.withEnvironment("test").aes(256);
    keys.withEnvironment("prod").withTenant("acme").aes(256);
    keys.withEnvironment("prod").aes(256);
    List<String> ids =
        r.records().stream().map(x -> x.rng().instanceId()).collect(Collectors.toList());
    assertThat(ids.get(0)).isNotEqualTo(ids.get(1)).isNotEqualTo(ids.get(2)).isEqualTo(ids.get(3));
    assertThat(r.records().get(1).fields())
        .containsEntry(EventFields.ENVIRONMENT, "test")
        .doesNotContainKey(EventFields.ORGANIZATION_ID);
    assertThat(r.records().get(2).fields()).containsEntry(EventFields.ORGANIZATION_ID, "acme");
  }

  @Test
  void concurrentFirstUseCreatesOneInstancePerScope() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Set<SecureRandom> seen = ConcurrentHashMap.newKeySet();
      List<Future<?>> futures =
          java.util.stream.IntStream.range(0, 16)
              .<Future<?>>mapToObj(
                  i ->
                      pool.submit(
                          () -> {
                            seen.add(drbg("race", null, 128, Capability.RESEED_ONLY).random());
                            return null;
                          }))
              .collect(Collectors.toList());
      for (Future<?> f : futures) {
        f.get();
      }
      assertThat(seen).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void scopeNamesAreValidatedSoPersonalizationsCannotCollide() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Scope("prod;tenant=x", null))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Scope("test", "a b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String personalization(Drbg d) {
    return new String(
        ((DrbgParameters.Instantiation) d.random().getParameters()).getPersonalizationString(),
        StandardCharsets.UTF_8);
  }
}

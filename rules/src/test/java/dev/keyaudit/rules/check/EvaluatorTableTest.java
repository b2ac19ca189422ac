package dev.keyaudit.rules.check;

import static dev.keyaudit.rules.check.TestFacts.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.NonCryptoRandomUse.RandomSink;
import dev.keyaudit.rules.facts.RngSeeding.SeedSource;
import dev.keyaudit.rules.model.RngSpec;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.rules.policy.Policies;
import dev.keyaudit.rules.policy.Policy;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Facts × policies: which rules each built-in policy reports. Evaluated on a fixed date so the
 * dated statuses (3TDEA, quantum transition) do not drift.
 */
class EvaluatorTableTest {

  static final LocalDate DATE = LocalDate.of(2026, 6, 1);

  static final String NIST = "nist-800-131a";
  static final String FIPS = "fips-140-3";
  static final String CNSA = "cnsa-2.0";
  static final String BSI = "bsi-tr-02102-1";
  static final String PQC = "nist-ir-8547";

  static Stream<Arguments> cases() {
    return Stream.of(
        // RSA sizes: 2048 is NIST's floor, below BSI's 3000 and CNSA's 3072.
        row("RSA 2048", keyPair("RSA", 2048), NIST),
        row("RSA 2048", keyPair("RSA", 2048), FIPS),
        row("RSA 2048", keyPair("RSA", 2048), BSI, "KA102"),
        row("RSA 2048", keyPair("RSA", 2048), CNSA, "KA102", "KA105"),
        row("RSA 2048", keyPair("RSA", 2048), PQC, "KA105"),
        row("RSA 1024", keyPair("RSA", 1024), NIST, "KA102"),
        row("RSA 3072", keyPair("RSA", 3072), BSI),
        row("RSASSA-PSS 1024", keyPair("RSASSA-PSS", 1024), NIST, "KA102"),
        row("DH 1024", keyPair("DiffieHellman", 1024), NIST, "KA102"),
        row("DSA 2048", keyPair("DSA", 2048), NIST),
        row("DSA 2048", keyPair("DSA", 2048), FIPS, "KA101"),
        // AES: CNSA wants 256.
        row("AES 128", keyGen("AES", 128), NIST),
        row("AES 128", keyGen("AES", 128), BSI),
        row("AES 128", keyGen("AES", 128), CNSA, "KA102"),
        row("AES 256", keyGen("AES", 256), CNSA),
        row("HmacSHA256 128", keyGen("HmacSHA256", 128), NIST),
        row("HmacSHA256 64", keyGen("HmacSHA256", 64), NIST, "KA102"),
        row("HmacSHA256 112", keyGen("HmacSHA256", 112), BSI, "KA102"),
        row("HmacSHA256 256", keyGen("HmacSHA256", 256), CNSA, "KA101"),
        row("HmacMD5", keyGen("HmacMD5", 128), NIST, "KA101"),
        row("DES", keyGen("DES", 56), NIST, "KA101"),
        row("TripleDES alias", keyGen("TripleDES", 168), NIST, "KA101"),
        row("RC4 alias", keyGen("RC4", 128), BSI, "KA101"),
        // Curves.
        row("P-256", onCurve("EC", "secp256r1"), NIST),
        row("P-256", onCurve("EC", "P-256"), BSI),
        row("P-256", onCurve("EC", "prime256v1"), CNSA, "KA103", "KA105"),
        row("P-384", onCurve("EC", "secp384r1"), CNSA, "KA105"),
        row("secp256k1", onCurve("EC", "secp256k1"), NIST, "KA103"),
        row("secp112r1", onCurve("EC", "secp112r1"), NIST, "KA103"),
        row("brainpoolP256r1", onCurve("EC", "brainpoolP256r1"), BSI),
        row("EC initialize(192)", keyPair("EC", 192), NIST, "KA103"),
        row("EC initialize(256)", keyPair("EC", 256), NIST),
        row("EC unknown curve", onCurve("EC", "myCurve"), NIST, "KA103"),
        row("Ed25519", named("Ed25519"), NIST),
        row("Ed25519", named("Ed25519"), FIPS),
        row("Ed25519", named("Ed25519"), BSI, "KA103"),
        row("Ed25519", named("Ed25519"), CNSA, "KA101", "KA105"),
        row("X25519", named("X25519"), NIST, "KA103"),
        row("ML-KEM-768", onCurve("ML-KEM", "ML-KEM-768"), CNSA, "KA101"),
        row("ML-KEM-1024", onCurve("ML-KEM", "ML-KEM-1024"), CNSA),
        row("ML-KEM-1024", named("ML-KEM-1024"), PQC),
        // Algorithm strings.
        row("DES transformation", use("Cipher", "DES/CBC/PKCS5Padding"), NIST, "KA101"),
        row("AES/GCM", use("Cipher", "AES/GCM/NoPadding"), CNSA),
        row("SHA1withRSA", use("Signature", "SHA1withRSA"), NIST, "KA101"),
        row("SHA256withECDSA", use("Signature", "SHA256withECDSA"), NIST),
        row("SHA256withECDSA", use("Signature", "SHA256withECDSA"), CNSA, "KA101"),
        row("HmacSHA1", use("Mac", "HmacSHA1"), NIST),
        row("HmacSHA1", use("Mac", "HmacSHA1"), BSI, "KA101"),
        row("MessageDigest SHA-1", use("MessageDigest", "SHA-1"), NIST),
        row("MessageDigest MD5", use("MessageDigest", "MD5"), NIST, "KA101"),
        row(
            "PBEWithMD5AndDES",
            use("SecretKeyFactory", "PBEWithMD5AndDES"),
            NIST,
            "KA101",
            "KA101"),
        row("PBKDF2WithHmacSHA1", use("SecretKeyFactory", "PBKDF2WithHmacSHA1"), NIST),
        row("PBKDF2WithHmacSHA1", use("SecretKeyFactory", "PBKDF2WithHmacSHA1"), BSI, "KA101"),
        row("ECDH agreement", use("KeyAgreement", "ECDH"), NIST),
        // Random generation.
        row("SHA1PRNG", secureRandom("SHA1PRNG"), NIST, "KA202"),
        row("SHA1PRNG", secureRandom("SHA1PRNG"), BSI, "KA202"),
        row("NativePRNG", secureRandom("NativePRNG"), NIST),
        row("NativePRNG", secureRandom("NativePRNG"), FIPS, "KA202"),
        row("Windows-PRNG", secureRandom("Windows-PRNG"), CNSA, "KA202"),
        row("DRBG 128", drbgCreation(Value.known(128), Value.known("RESEED_ONLY")), NIST),
        row("DRBG 128", drbgCreation(Value.known(128), Value.known("RESEED_ONLY")), CNSA, "KA204"),
        row("DRBG 112", drbgCreation(Value.known(112), Value.known("RESEED_ONLY")), BSI, "KA204"),
        row("DRBG default", drbgCreation(null, null), CNSA, "KA204"),
        row(
            "SHA1PRNG passed to KeyGenerator",
            keyGen(
                "AES",
                lit(128),
                new RngSpec(
                    true,
                    Value.known("SHA1PRNG"),
                    Value.providerDefault(null, "no parameters"),
                    Value.providerDefault(null, "none"))),
            NIST,
            "KA202"),
        row(
            "default DRBG for AES-256",
            keyGen(
                "AES",
                lit(256),
                new RngSpec(
                    true,
                    Value.known("DRBG"),
                    Value.providerDefault(null, "no DrbgParameters"),
                    Value.providerDefault(null, "no DrbgParameters"))),
            NIST,
            "KA204"),
        row("AES-256 without RNG", keyGen("AES", lit(256), RngSpec.notSpecified()), NIST),
        row("AES-256 without RNG", keyGen("AES", lit(256), RngSpec.notSpecified()), FIPS, "KA205"),
        row(
            "constant seed",
            seeding("java.util.Random", SeedSource.CONSTANT, false),
            NIST,
            "KA203"),
        row("clock seed", seeding("SHA1PRNG", SeedSource.CLOCK, true), BSI, "KA203"),
        row("Random into key", nonCrypto(RandomSink.KEY_MATERIAL), NIST, "KA201"),
        row("Random elsewhere", nonCrypto(RandomSink.OTHER), CNSA, "KA201"),
        // Key material and secrets.
        row("hardcoded AES key", keySpec("AES", constantBytes(16)), NIST, "KA301"),
        row("hardcoded short AES key", keySpec("AES", constantBytes(8)), NIST, "KA102", "KA301"),
        row("hardcoded DES key", keySpec("DES", constantBytes(8)), NIST, "KA101", "KA301"),
        row("runtime key", keySpec("AES", Value.unknown("read from KMS")), NIST),
        row("pinned public key", keySpec("X509EncodedKeySpec", "EC", constantBytes(91)), NIST),
        row(
            "private key in code",
            keySpec("PKCS8EncodedKeySpec", "EC", constantBytes(67)),
            NIST,
            "KA301"),
        row("embedded PEM", pem(), FIPS, "KA302"),
        row("hardcoded password", password(lit(Secret.ofText("changeit"))), NIST, "KA303"),
        row(
            "weak PBKDF2",
            pbkdf(constantBytes(8), 100, 64),
            NIST,
            "KA304",
            "KA304",
            "KA304",
            "KA305"),
        row("PBKDF2 10k", pbkdf(randomSalt(), 10_000, 256), NIST),
        row("PBKDF2 10k", pbkdf(randomSalt(), 10_000, 256), BSI, "KA304"),
        row("PBKDF2 600k 128-bit key", pbkdf(randomSalt(), 600_000, 128), CNSA, "KA304"));
  }

  @ParameterizedTest(name = "{0} under {2} -> {3}")
  @MethodSource("cases")
  void reportsExactlyTheExpectedRules(String what, Fact fact, String policyId, List<String> rules) {
    Policy policy = Policies.load(policyId).withEvaluationDate(DATE);
    var evaluation = new PolicyEvaluator(policy).evaluate(fact);
    assertThat(evaluation.violations())
        .extracting(v -> v.ruleId())
        .as(what + " under " + policyId + ": " + evaluation.violations())
        .containsExactlyElementsOf(rules);
    assertThat(evaluation.violations())
        .allSatisfy(
            v -> {
              assertThat(v.policyId()).isEqualTo(policyId);
              assertThat(v.threshold()).isNotBlank().contains("(");
              assertThat(v.message()).contains(policyId);
            });
  }

  private static Arguments row(String what, Fact fact, String policy, String... rules) {
    return Arguments.of(what, fact, policy, List.of(rules));
  }
}

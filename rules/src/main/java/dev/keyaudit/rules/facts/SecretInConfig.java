package dev.keyaudit.rules.facts;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.TraceStep;
import java.util.List;
import java.util.Objects;

/**
 * A literal secret in a configuration file, script or manifest: a keystore or key password, a
 * symmetric key, a JWT signing secret, key material handed to a KMS, or a high-entropy value under
 * a credential-like name. Placeholders and already-encrypted values never become this fact; the
 * default part of {@code ${VAR:default}} does, with {@code placeholderDefault} set.
 *
 * @param key the setting, variable or option name ("server.ssl.key-store-password", "-storepass")
 * @param kind what the name and value say the secret is
 * @param secret masked preview and length, never the value itself
 * @param placeholderDefault true when the value is the default of a placeholder
 * @param entropy Shannon entropy of the value in bits per character
 * @param decodedBytes length in bytes when the value is base64 or hex, else 0
 * @param trace where the value came from (e.g. a {@code .env} line used by a compose file)
 */
public record SecretInConfig(
    Location location,
    String key,
    Kind kind,
    Secret secret,
    boolean placeholderDefault,
    double entropy,
    int decodedBytes,
    List<TraceStep> trace)
    implements Fact {

  public SecretInConfig {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(secret, "secret");
    trace = List.copyOf(trace);
  }

  /** What the secret protects or is. */
  public enum Kind {
    /** Password of a keystore, key entry or encrypted private key. */
    KEY_PASSWORD,
    /** A symmetric key (AES, config-encryption key, jasypt password). */
    SYMMETRIC_KEY,
    /** An HMAC or JWT signing secret. */
    SIGNING_SECRET,
    /** Key material supplied inline to a KMS or a disk-encryption resource. */
    KMS_KEY_MATERIAL,
    /** Any other value under a credential-like name; judged by its entropy. */
    CREDENTIAL
  }
}

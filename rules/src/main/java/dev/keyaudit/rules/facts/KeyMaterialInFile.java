package dev.keyaudit.rules.facts;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import java.util.List;
import java.util.Objects;

/**
 * Private or secret key material stored in a file of the repository: a PEM/OpenSSH/PGP private key
 * block, a JWK with private members, a keystore with private-key entries, a key inside a Kubernetes
 * {@code Secret} or a Terraform state file. Only what was confirmed by parsing becomes this fact.
 *
 * @param format what holds the key, e.g. "PEM RSA PRIVATE KEY", "PKCS12 keystore", "JWK"
 * @param algorithm key algorithm when the key could be read ("RSA", "EC", "Ed25519"...)
 * @param keySize key size in bits when the key could be read
 * @param encrypted true when the key is protected by a passphrase the scanner did not know
 * @param openedWith for keystores: how the scanner opened it ("well-known default password",
 *     "password from config/app.yml:4"), or null
 * @param material masked preview and length of the encoded key, never the key itself
 * @param trace how the key was reached (e.g. base64 value of a Kubernetes Secret, then decoded PEM)
 */
public record KeyMaterialInFile(
    Location location,
    String format,
    Value<String> algorithm,
    Value<Integer> keySize,
    boolean encrypted,
    String openedWith,
    Secret material,
    List<TraceStep> trace)
    implements Fact {

  public KeyMaterialInFile {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(keySize, "keySize");
    Objects.requireNonNull(material, "material");
    trace = List.copyOf(trace);
  }
}

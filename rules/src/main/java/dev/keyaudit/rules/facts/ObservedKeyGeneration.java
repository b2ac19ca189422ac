package dev.keyaudit.rules.facts;

import dev.keyaudit.rules.model.Location;
import java.util.List;

/**
 * A key generation the runtime agent observed in a running JVM, with what only run time knows: who
 * called, for which tenant and environment, and whether the RNG instance it drew from also served
 * other tenants or environments. The key's algorithm, size and RNG are judged separately, as the
 * {@link KeyGeneration}/{@link KeyPairGeneration} fact the agent builds from the same observation;
 * this fact carries the runtime-governance side (KA5xx).
 *
 * @param callerClass fully qualified class of the first application frame, or null when unknown
 * @param allowedCallers package prefixes allowed to generate keys; empty means every caller
 * @param tenant the tenant ({@code organization.id}), or null
 * @param environment the deployment environment, or null
 * @param rngSharedWith other tenants/environments ({@code tenant:x}, {@code environment:y}) the
 *     same RNG instance served before this generation
 */
public record ObservedKeyGeneration(
    Location location,
    String algorithm,
    String callerClass,
    List<String> allowedCallers,
    String tenant,
    String environment,
    List<String> rngSharedWith)
    implements Fact {

  public ObservedKeyGeneration {
    allowedCallers = List.copyOf(allowedCallers);
    rngSharedWith = List.copyOf(rngSharedWith);
  }
}

package dev.keyaudit.keygen;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where keys are generated: the deployment environment and, optionally, the tenant. Each scope gets
 * its own DRBG instances, so test keys never come from a production RNG and one tenant's keys never
 * share an RNG with another's (CEK-10 auditing guideline 9).
 *
 * @param environment lower-case environment name ("prod", "staging", "test")
 * @param tenant tenant id, or null when keys are not generated for a tenant
 */
public record Scope(String environment, String tenant) {

  /** System property naming the process's environment. */
  public static final String ENVIRONMENT_PROPERTY = "keyaudit.environment";

  /** Environment variable naming the process's environment, read when the property is unset. */
  public static final String ENVIRONMENT_VARIABLE = "KEYAUDIT_ENVIRONMENT";

  /** Environment used when neither the caller nor the process names one. */
  public static final String UNSPECIFIED = "unspecified";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");
  private static final Pattern PRODUCTION =
      Pattern.compile("(prod|production|prd|live)([-_.:].*)?");

  public Scope {
    environment = validName("environment", environment).toLowerCase(Locale.ROOT);
    if (tenant != null) {
      tenant = validName("tenant", tenant);
    }
  }

  /** The scope of this process: its configured environment, no tenant. */
  public static Scope ofProcess() {
    return new Scope(processEnvironment().orElse(UNSPECIFIED), null);
  }

  /** The environment this process says it runs in, from the property or environment variable. */
  public static Optional<String> processEnvironment() {
    String env = System.getProperty(ENVIRONMENT_PROPERTY);
    if (env == null || env.isBlank()) {
      env = System.getenv(ENVIRONMENT_VARIABLE);
    }
    return env == null || env.isBlank() ? Optional.empty() : Optional.of(env.strip());
  }

  public Scope withEnvironment(String name) {
    return new Scope(name, tenant);
  }

  public Scope withTenant(String id) {
    return new Scope(environment, id);
  }

  public Optional<String> tenantId() {
    return Optional.ofNullable(tenant);
  }

  /** True for "prod", "production", "prd", "live" and names that start with them ("prod-eu"). */
  public boolean isProduction() {
    return isProduction(environment);
  }

  static boolean isProduction(String environmentName) {
    return PRODUCTION.matcher(environmentName.toLowerCase(Locale.ROOT)).matches();
  }

  private static String validName(String what, String value) {
    Objects.requireNonNull(value, what);
    if (!NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what
              + " must match "
              + NAME.pattern()
              + " (letters, digits, . _ : @ -), got '"
              + value
              + "'");
    }
    return value;
  }

  @Override
  public String toString() {
    return "environment=" + environment + (tenant == null ? "" : ", tenant=" + tenant);
  }
}

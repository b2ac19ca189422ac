package dev.keyaudit.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * {@code keyaudit:prepare-agent}: puts {@code -javaagent:<keyaudit-agent.jar>=<options>} in front
 * of the {@code argLine} property (or {@code propertyName}), so the tests Surefire and Failsafe
 * fork run under the KeyAudit runtime agent and every key they generate is logged, hash-chained, to
 * {@code target/keyaudit/agent-events.jsonl}, and judged by the policy (in {@code enforce} mode a
 * forbidden generation throws, so the test fails). The agent jar is the one this plugin depends on.
 * An existing value is kept after the agent's arguments; Surefire's late {@code @{argLine}} sees
 * the new value too.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class PrepareAgentMojo extends AbstractMojo {

  static final String AGENT_KEY = "dev.keyaudit:keyaudit-agent";

  /**
   * Leaves the property as it is (defines it empty if unset, so {@code @{argLine}} still works).
   */
  @Parameter(property = "keyaudit.agent.skip", defaultValue = "false")
  private boolean skip;

  /**
   * The property that receives the agent's arguments; Surefire and Failsafe read {@code argLine}.
   */
  @Parameter(property = "keyaudit.agent.propertyName", defaultValue = "argLine")
  private String propertyName;

  /**
   * The event log (JSON Lines, hash-chained; appended, so the chain continues across test JVMs).
   */
  @Parameter(
      property = "keyaudit.agent.log",
      defaultValue = "${project.build.directory}/keyaudit/agent-events.jsonl")
  private File log;

  /**
   * Built-in policy id or policy file (relative to the module) the agent judges with; {@code none}
   * records without judging. Default: the agent's ({@code nist-800-131a}).
   */
  @Parameter(property = "keyaudit.agent.policy")
  private String policy;

  /** {@code audit} records decisions; {@code enforce} throws for generations the policy forbids. */
  @Parameter(property = "keyaudit.agent.mode", defaultValue = "audit")
  private String mode;

  /**
   * Tenant: a value, {@code sysprop:NAME}, {@code env:NAME}, {@code mdc:KEY} or {@code context}.
   */
  @Parameter(property = "keyaudit.agent.tenant")
  private String tenant;

  /** Recorded as {@code deployment.environment.name}. */
  @Parameter(property = "keyaudit.agent.environment", defaultValue = "test")
  private String environment;

  /** Recorded as {@code service.name}. */
  @Parameter(property = "keyaudit.agent.service", defaultValue = "${project.artifactId}")
  private String service;

  /** Package prefixes allowed to generate keys; others violate KA501. Default: all. */
  @Parameter(property = "keyaudit.agent.allowedCallers")
  private List<String> allowedCallers = new ArrayList<>();

  /** Caller package prefixes to record. Default: all. */
  @Parameter(property = "keyaudit.agent.include")
  private List<String> include = new ArrayList<>();

  /** Caller package prefixes never to record. */
  @Parameter(property = "keyaudit.agent.exclude")
  private List<String> exclude = new ArrayList<>();

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${plugin.artifactMap}", readonly = true, required = true)
  private Map<String, Artifact> pluginArtifacts;

  @Override
  public void execute() throws MojoExecutionException {
    Properties properties = project.getProperties();
    if (skip) {
      getLog().info("Skipping the KeyAudit agent because property keyaudit.agent.skip is set.");
      if (properties.getProperty(propertyName) == null) {
        properties.setProperty(propertyName, "");
      }
      return;
    }
    AgentArgLine argLine;
    try {
      argLine = new AgentArgLine(agentJar(), options());
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("KeyAudit: " + e.getMessage(), e);
    }
    try {
      Files.createDirectories(log.toPath().toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new MojoExecutionException(
          "KeyAudit: cannot create the folder of the agent log " + log + ": " + e.getMessage(), e);
    }
    String value = argLine.prependTo(properties.getProperty(propertyName));
    properties.setProperty(propertyName, value);
    getLog().info("KeyAudit: " + propertyName + " set to " + value);
  }

  private Path agentJar() throws MojoExecutionException {
    Artifact agent = pluginArtifacts.get(AGENT_KEY);
    if (agent == null || agent.getFile() == null || !agent.getFile().isFile()) {
      throw new MojoExecutionException(
          "KeyAudit: the plugin's dependency "
              + AGENT_KEY
              + " is not resolved; cannot find the agent jar");
    }
    return agent.getFile().toPath();
  }

  private Map<String, String> options() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("log", log.toPath().toAbsolutePath().normalize().toString());
    options.put("policy", policyOption());
    options.put("mode", AgentArgLine.mode(mode));
    options.put("tenant", tenant);
    options.put("environment", environment);
    options.put("service", service);
    options.put("allowedCallers", AgentArgLine.list(allowedCallers));
    options.put("include", AgentArgLine.list(include));
    options.put("exclude", AgentArgLine.list(exclude));
    return options;
  }

  /** A policy file relative to the module becomes absolute: tests may run in another folder. */
  private String policyOption() {
    if (policy == null || policy.isBlank()) {
      return null;
    }
    Path file = project.getBasedir().toPath().resolve(policy.trim());
    return Files.isRegularFile(file) ? file.toAbsolutePath().normalize().toString() : policy.trim();
  }
}

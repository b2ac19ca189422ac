package dev.keyaudit.maven;

import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The Java release a module compiles for, read from its effective (interpolated) model in the order
 * the compiler plugin applies: its {@code <release>}, {@code maven.compiler.release}, its {@code
 * <target>}, {@code maven.compiler.target}. Provider default key sizes depend on it.
 */
final class TargetJdk {

  private static final Pattern RELEASE = Pattern.compile("^(?:1\\.)?(\\d{1,2})$");
  private static final String COMPILER = "org.apache.maven.plugins:maven-compiler-plugin";

  private TargetJdk() {}

  static Optional<Integer> of(MavenProject project) {
    Properties properties = project.getProperties();
    Plugin compiler = project.getPlugin(COMPILER);
    Xpp3Dom configuration =
        compiler != null && compiler.getConfiguration() instanceof Xpp3Dom dom ? dom : null;
    for (String candidate :
        new String[] {
          child(configuration, "release"),
          properties.getProperty("maven.compiler.release"),
          child(configuration, "target"),
          properties.getProperty("maven.compiler.target")
        }) {
      Optional<Integer> release = parse(candidate);
      if (release.isPresent()) {
        return release;
      }
    }
    return Optional.empty();
  }

  static Optional<Integer> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    Matcher m = RELEASE.matcher(value.trim());
    return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
  }

  private static String child(Xpp3Dom configuration, String name) {
    Xpp3Dom child = configuration == null ? null : configuration.getChild(name);
    return child == null ? null : child.getValue();
  }
}

package dev.keyaudit.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class TargetJdkTest {

  @Test
  void parsesReleasesAndOldStyleTargets() {
    assertThat(TargetJdk.parse("21")).contains(21);
    assertThat(TargetJdk.parse(" 1.8 ")).contains(8);
    assertThat(TargetJdk.parse("${java.version}")).isEmpty();
    assertThat(TargetJdk.parse(null)).isEmpty();
  }

  @Test
  void releaseWinsOverTarget() {
    MavenProject project = new MavenProject();
    project.getProperties().setProperty("maven.compiler.target", "11");
    assertThat(TargetJdk.of(project)).contains(11);

    project.getProperties().setProperty("maven.compiler.release", "17");
    assertThat(TargetJdk.of(project)).contains(17);
  }

  @Test
  void compilerPluginReleaseWinsOverProperties() {
    MavenProject project = new MavenProject();
    project.getProperties().setProperty("maven.compiler.release", "17");
    Plugin compiler = new Plugin();
    compiler.setGroupId("org.apache.maven.plugins");
    compiler.setArtifactId("maven-compiler-plugin");
    Xpp3Dom configuration = new Xpp3Dom("configuration");
    Xpp3Dom release = new Xpp3Dom("release");
    release.setValue("21");
    configuration.addChild(release);
    compiler.setConfiguration(configuration);
    project.getBuild().addPlugin(compiler);
    assertThat(TargetJdk.of(project)).isEqualTo(Optional.of(21));
  }
}

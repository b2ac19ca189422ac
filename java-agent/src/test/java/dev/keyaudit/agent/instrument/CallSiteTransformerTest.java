package dev.keyaudit.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class CallSiteTransformerTest {

  private static byte[] classFile(Class<?> c) throws Exception {
    try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
      return in.readAllBytes();
    }
  }

  @Test
  void aMarkedClassPassesTheVerifierAndStillGeneratesItsKeys() throws Exception {
    byte[] original = classFile(example.app.CallSitesMix.class);
    byte[] marked = CallSiteTransformer.mark(original);
    assertThat(marked).isNotNull();
    assertThat(marked.length).isGreaterThan(original.length);
    // defined anew and run: the JVM verifies the marked code; the dispatcher it calls is this
    // test's copy with no hooks installed, so the markers do nothing
    ClassLoader loader =
        new ClassLoader(getClass().getClassLoader()) {
          @Override
          protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.equals("example.app.CallSitesMix")) {
              return defineClass(name, marked, 0, marked.length);
            }
            return super.loadClass(name, resolve);
          }
        };
    Method main = loader.loadClass("example.app.CallSitesMix").getMethod("main", String[].class);
    main.invoke(null, (Object) new String[0]);
  }

  @Test
  void classesWithoutAGenerationCallAreLeftAlone() throws Exception {
    byte[] plain = classFile(CallSiteTransformerTest.class);
    assertThat(CallSiteTransformer.mentionsGeneration(plain)).isFalse();
    assertThat(CallSiteTransformer.mark(plain)).isNull();
    assertThat(CallSiteTransformer.mentionsGeneration(classFile(example.app.CallSitesMix.class)))
        .isTrue();
  }
}

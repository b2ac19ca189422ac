package dev.keyaudit.scanner.bytecode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.scanner.scan.ScanRequest;
import dev.keyaudit.scanner.scan.ScanResult;
import dev.keyaudit.scanner.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A class scanned both as source and as bytecode is reported once, on its source file. */
class SourceAndBytecodeScanTest {

  private static List<String> ka102(ScanResult result) {
    return result.findings().stream()
        .filter(f -> f.ruleId().equals("KA102"))
        .map(f -> f.location().toString())
        .toList();
  }

  @Test
  void sourceNextToItsClassesWinsAndBytecodeAloneIsReported(@TempDir Path dir) throws IOException {
    Path source = WeakRsaClass.write(dir, "src/com/acme", "com.acme", "Weak");
    byte[] bytes = WeakRsaClass.compiled(source, "com/acme/Weak");
    Path classes = Files.createDirectories(dir.resolve("classes/com/acme"));
    Files.write(classes.resolve("Weak.class"), bytes);

    ScanResult both = new Scanner().scan(ScanRequest.builder(List.of(dir)).targetJdk(17).build());
    assertThat(ka102(both)).containsExactly("src/com/acme/Weak.java:8");

    ScanResult bytecodeOnly =
        new Scanner()
            .scan(
                ScanRequest.builder(List.of(dir.resolve("classes")))
                    .root(dir)
                    .targetJdk(17)
                    .build());
    assertThat(ka102(bytecodeOnly)).containsExactly("classes/com/acme/Weak.class:8");
  }
}

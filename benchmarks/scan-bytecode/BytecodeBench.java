import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.scanner.bytecode.BytecodeFrontend;
import dev.keyaudit.scanner.finding.Suppression;
import dev.keyaudit.scanner.scan.FactSink;
import dev.keyaudit.scanner.scan.InputFile;
import dev.keyaudit.scanner.scan.Notification;
import dev.keyaudit.scanner.scan.ScanContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Times one pass over the jars listed in a file (one path a line), in one of two modes:
 * "floor" (unzip every .class entry and parse it with ASM's ClassReader and an empty visitor: the
 * least any bytecode scanner must do) or "keyaudit" (the bytecode frontend, one thread, facts
 * counted). Prints one line of figures; peak memory is measured outside by /usr/bin/time.
 */
public class BytecodeBench {
  public static void main(String[] args) throws Exception {
    String mode = args[0];
    List<Path> jars = Files.readAllLines(Path.of(args[1])).stream().map(Path::of).toList();
    long bytes = 0;
    for (Path jar : jars) {
      bytes += Files.size(jar);
    }
    long classes = 0;
    if (mode.equals("keyaudit")) {
      // Counted before the clock starts: the frontend itself does not report a class count.
      for (Path jar : jars) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
          classes += zip.stream().filter(e -> e.getName().endsWith(".class")).count();
        } catch (java.io.IOException ex) {
          // unreadable jar
        }
      }
    }
    long start = System.nanoTime();
    AtomicLong facts = new AtomicLong();
    AtomicLong notes = new AtomicLong();
    if (mode.equals("floor")) {
      ClassVisitor empty = new ClassVisitor(Opcodes.ASM9) {};
      for (Path jar : jars) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
          var entries = zip.entries();
          while (entries.hasMoreElements()) {
            var e = entries.nextElement();
            if (e.getName().endsWith(".class")) {
              try (var in = zip.getInputStream(e)) {
                new ClassReader(in.readAllBytes()).accept(empty, 0);
                classes++;
              } catch (RuntimeException ex) {
                // corrupt or unsupported: counted as read, like the scanner does
              }
            }
          }
        } catch (java.io.IOException ex) {
          // unreadable jar
        }
      }
    } else {
      FactSink sink =
          new FactSink() {
            public void fact(Fact f) {
              facts.incrementAndGet();
            }

            public void suppression(Suppression s) {}

            public void notification(Notification n) {
              notes.incrementAndGet();
            }
          };
      List<InputFile> files = jars.stream().map(p -> new InputFile(p, p.toString())).toList();
      new BytecodeFrontend().analyze(files, new ScanContext(17, 1), sink);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%s: %d jars, %.1f MB, %d classes in %.2f s = %.0f classes/s, %.1f MB/s (facts %d,"
            + " notifications %d)%n",
        mode,
        jars.size(),
        bytes / 1e6,
        classes,
        seconds,
        classes / seconds,
        bytes / 1e6 / seconds,
        facts.get(),
        notes.get());
  }
}

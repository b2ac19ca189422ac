package example.app;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.crypto.KeyGenerator;

/** Fixture for dynamic attach: generates an AES key every 50 ms until {@code args[0]} exists. */
public final class Looper {
  public static void main(String[] args) throws Exception {
    KeyGenerator kg = KeyGenerator.getInstance("AES");
    kg.init(256);
    System.out.println("ready");
    System.out.flush();
    long deadline = System.currentTimeMillis() + 60_000;
    while (!Files.exists(Path.of(args[0])) && System.currentTimeMillis() < deadline) {
      kg.generateKey();
      Thread.sleep(50);
    }
    System.out.println("done");
  }
}

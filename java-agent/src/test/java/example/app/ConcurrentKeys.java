package example.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javax.crypto.KeyGenerator;

/** Fixture: {@code args[0]} threads each generate {@code args[1]} AES keys at the same time. */
public final class ConcurrentKeys {
  public static void main(String[] args) throws Exception {
    int threads = Integer.parseInt(args[0]);
    int perThread = Integer.parseInt(args[1]);
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> all = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread th =
          new Thread(
              () -> {
                try {
                  start.await();
                  KeyGenerator kg = KeyGenerator.getInstance("AES");
                  kg.init(256);
                  for (int i = 0; i < perThread; i++) {
                    kg.generateKey();
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              },
              "keys-" + t);
      th.start();
      all.add(th);
    }
    start.countDown();
    for (Thread th : all) {
      th.join();
    }
    System.out.println("done " + threads * perThread);
  }
}

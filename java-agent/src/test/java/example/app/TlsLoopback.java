package example.app;

import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** Fixture: {@code args[2]} TLS handshakes on loopback (TLS 1.3 and 1.2) with a PKCS#12 store. */
public final class TlsLoopback {
  public static void main(String[] args) throws Exception {
    char[] password = args[1].toCharArray();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(args[0])) {
      ks.load(in, password);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
    kmf.init(ks, password);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(ks);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    int handshakes = Integer.parseInt(args[2]);
    try (SSLServerSocket server =
        (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0)) {
      Thread serverThread =
          new Thread(
              () -> {
                for (int i = 0; i < handshakes; i++) {
                  try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.getOutputStream().write(s.getInputStream().read());
                    s.getOutputStream().flush();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                }
              });
      serverThread.start();
      for (int i = 0; i < handshakes; i++) {
        try (SSLSocket c =
            (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", server.getLocalPort())) {
          c.setEnabledProtocols(new String[] {i % 2 == 0 ? "TLSv1.3" : "TLSv1.2"});
          OutputStream out = c.getOutputStream();
          out.write(42);
          out.flush();
          if (c.getInputStream().read() != 42) {
            throw new IllegalStateException("echo failed");
          }
        }
      }
      serverThread.join();
    }
    System.out.println("handshakes " + handshakes);
  }
}

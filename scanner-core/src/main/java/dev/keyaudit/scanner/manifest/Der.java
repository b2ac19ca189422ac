package dev.keyaudit.scanner.manifest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal, bounds-checked DER reader: enough of ASN.1 to read the algorithm and size of PKCS#1,
 * SEC1 and PKCS#8 private keys. Every malformed input ends in {@link IllegalArgumentException}.
 */
final class Der {

  static final int SEQUENCE = 0x30;
  static final int INTEGER = 0x02;
  static final int OCTET_STRING = 0x04;
  static final int OID = 0x06;

  /** One element: its tag and the bytes of its content. */
  record Element(int tag, byte[] data, int offset, int length) {
    List<Element> children() {
      return Der.readAll(data, offset, offset + length);
    }

    BigInteger integer() {
      require(INTEGER);
      byte[] b = new byte[length];
      System.arraycopy(data, offset, b, 0, length);
      return new BigInteger(b);
    }

    String oid() {
      require(OID);
      StringBuilder out = new StringBuilder();
      long value = 0;
      boolean first = true;
      for (int i = offset; i < offset + length; i++) {
        int b = data[i] & 0xff;
        value = (value << 7) | (b & 0x7f);
        if (value > Integer.MAX_VALUE) {
          throw new IllegalArgumentException("OID arc too large");
        }
        if ((b & 0x80) == 0) {
          if (first) {
            long firstArc = Math.min(value / 40, 2);
            out.append(firstArc).append('.').append(value - firstArc * 40);
            first = false;
          } else {
            out.append('.').append(value);
          }
          value = 0;
        }
      }
      return out.toString();
    }

    byte[] bytes() {
      byte[] b = new byte[length];
      System.arraycopy(data, offset, b, 0, length);
      return b;
    }

    private void require(int expected) {
      if (tag != expected) {
        throw new IllegalArgumentException("expected tag " + expected + ", got " + tag);
      }
    }
  }

  private Der() {}

  static Element read(byte[] data) {
    List<Element> all = readAll(data, 0, data.length);
    if (all.isEmpty()) {
      throw new IllegalArgumentException("empty DER");
    }
    return all.get(0);
  }

  static List<Element> readAll(byte[] data, int from, int to) {
    List<Element> out = new ArrayList<>();
    int pos = from;
    while (pos < to) {
      int tag = data[pos++] & 0xff;
      if (pos >= to) {
        throw new IllegalArgumentException("truncated DER");
      }
      int len = data[pos++] & 0xff;
      if (len >= 0x80) {
        int n = len & 0x7f;
        if (n == 0 || n > 3 || pos + n > to) {
          throw new IllegalArgumentException("bad DER length");
        }
        len = 0;
        for (int i = 0; i < n; i++) {
          len = (len << 8) | (data[pos++] & 0xff);
        }
      }
      if (len < 0 || pos + len > to) {
        throw new IllegalArgumentException("DER element past the end");
      }
      out.add(new Element(tag, data, pos, len));
      pos += len;
    }
    return out;
  }
}

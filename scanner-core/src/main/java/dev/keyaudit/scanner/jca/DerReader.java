package dev.keyaudit.scanner.jca;

/**
 * Just enough ASN.1 DER to recognise the shape of a private key: reads one tag-length-value at a
 * time within bounds, never trusting a length.
 */
public final class DerReader {

  public static final int INTEGER = 0x02;
  public static final int BIT_STRING = 0x03;
  public static final int OCTET_STRING = 0x04;
  public static final int OID = 0x06;
  public static final int SEQUENCE = 0x30;

  /** One element: its tag and where its content lies in the buffer. */
  public record Element(int tag, int contentStart, int contentEnd) {
    int length() {
      return contentEnd - contentStart;
    }
  }

  private final byte[] data;
  private int position;
  private final int limit;

  DerReader(byte[] data, int from, int to) {
    this.data = data;
    this.position = from;
    this.limit = to;
  }

  public static DerReader of(byte[] data) {
    return new DerReader(data, 0, data.length);
  }

  /** A reader over an element's content. */
  DerReader inside(Element e) {
    return new DerReader(data, e.contentStart(), e.contentEnd());
  }

  boolean atEnd() {
    return position >= limit;
  }

  /** The next element, or null when the bytes are not well-formed DER here. */
  Element next() {
    if (position + 2 > limit) {
      return null;
    }
    int tag = data[position] & 0xff;
    int first = data[position + 1] & 0xff;
    int p = position + 2;
    long length;
    if (first < 0x80) {
      length = first;
    } else {
      int count = first & 0x7f;
      if (count == 0 || count > 4 || p + count > limit) {
        return null; // indefinite or absurd lengths are not DER
      }
      length = 0;
      for (int i = 0; i < count; i++) {
        length = (length << 8) | (data[p + i] & 0xff);
      }
      p += count;
    }
    if (length > limit - p) {
      return null;
    }
    position = p + (int) length;
    return new Element(tag, p, p + (int) length);
  }

  /** The small non-negative value of an INTEGER element, or -1 when it is larger than a byte. */
  int smallInteger(Element e) {
    if (e.tag() != INTEGER || e.length() != 1) {
      return -1;
    }
    return data[e.contentStart()] & 0xff;
  }
}

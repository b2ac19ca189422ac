package dev.keyaudit.rules.catalog;

/** The built-in rule catalog is broken: a resource is missing, malformed or fails validation. */
public final class CatalogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CatalogException(String message) {
    super(message);
  }

  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}

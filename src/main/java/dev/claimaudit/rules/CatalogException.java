package dev.claimaudit.rules;

/** A rule file is malformed; the message names the file, the rule and the field. */
public final class CatalogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CatalogException(String message) {
    super(message);
  }
}

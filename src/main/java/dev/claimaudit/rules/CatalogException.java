package dev.claimaudit.rules;

import dev.claimaudit.input.InputException;

/** A rule file is malformed; the message names the file, the rule and the field. */
public final class CatalogException extends InputException {
  private static final long serialVersionUID = 1L;

  public CatalogException(String message) {
    super(message);
  }
}

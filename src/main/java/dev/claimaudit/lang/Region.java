package dev.claimaudit.lang;

import java.util.Locale;

/** Where in a line a rule's match must start. */
public enum Region {
  CODE,
  COMMENT,
  STRING;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Region parse(String text) {
    return valueOf(text.strip().toUpperCase(Locale.ROOT));
  }
}

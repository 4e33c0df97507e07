package dev.claimaudit.claims;

/** Removes HTML comments from Markdown, the place PR templates and hidden text live. */
public final class HtmlComments {
  private HtmlComments() {}

  /**
   * {@code text} without its {@code <!-- … -->} comments; an unclosed comment runs to the end.
   * The comments' line breaks are kept, so line numbers after a comment stay those of the text.
   */
  public static String strip(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    while (at < text.length()) {
      int open = text.indexOf("<!--", at);
      if (open < 0) {
        out.append(text, at, text.length());
        break;
      }
      out.append(text, at, open);
      int close = text.indexOf("-->", open + 4);
      int end = close < 0 ? text.length() : close + 3;
      for (int i = open; i < end; i++) {
        if (text.charAt(i) == '\n') {
          out.append('\n');
        }
      }
      at = end;
    }
    return out.toString();
  }
}

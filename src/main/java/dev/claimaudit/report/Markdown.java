package dev.claimaudit.report;

/**
 * Makes untrusted text inert in a Markdown comment: it renders as the text it is, never as markup,
 * HTML, a table cell break, or a mention that notifies someone.
 */
final class Markdown {
  private Markdown() {}

  /** One line of plain text, cut to {@code max} characters, with every Markdown and HTML special character escaped. */
  static String text(String text, int max) {
    String line = Text.line(text, max);
    StringBuilder out = new StringBuilder(line.length() + 16);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '@' -> out.append("@\u200b");
        case '\\', '`', '*', '_', '[', ']', '#', '!', '~', '|', '$' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A code span holding {@code text} as one line; its backtick fence is longer than any run of
   * backticks inside. {@code inTable}: pipes are escaped, as a table cell requires even inside code.
   */
  static String code(String text, int max, boolean inTable) {
    String line = Text.line(text, max);
    if (line.isEmpty()) {
      line = " ";
    }
    if (inTable) {
      line = line.replace("|", "\\|");
    }
    int longest = 0;
    int run = 0;
    for (int i = 0; i < line.length(); i++) {
      run = line.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = line.startsWith("`") || line.endsWith("`");
    return fence + (pad ? " " : "") + line + (pad ? " " : "") + fence;
  }
}

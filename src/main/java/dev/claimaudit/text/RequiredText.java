package dev.claimaudit.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a text must hold for a regular expression to find a match in it, read off the expression:
 * the literal strings its matches are made of, joined by "and" where the expression puts them one
 * after the other and by "or" where it offers alternatives. A text that holds none of an
 * expression's required strings is let go without running the expression, which on two cores
 * costs more than all else of a line's check (every character is a virtual call, twice over with a
 * read budget).
 *
 * <p>Only what is certain is required: a part that may be left out ({@code x?}, {@code x*}), a
 * character class, a negative lookaround or a back reference requires nothing, and an expression
 * with a construct this reading does not know requires nothing at all, so {@link #mayFind} never
 * says no where the expression would find a match. Case-insensitive parts are compared with
 * US-ASCII letters folded, as {@code java.util.regex} folds them without {@code UNICODE_CASE}.
 */
public final class RequiredText {
  /** A text holds nothing in particular: every text may match. */
  private static final RequiredText ANYTHING = new RequiredText(Need.NOTHING);

  private final Need need;

  private RequiredText(Need need) {
    this.need = need;
  }

  public static RequiredText of(Pattern pattern) {
    if ((pattern.flags() & (Pattern.COMMENTS | Pattern.LITERAL | Pattern.CANON_EQ)) != 0) {
      return ANYTHING;
    }
    try {
      Reader reader = new Reader(pattern.pattern(), pattern.flags());
      Need need = reader.read();
      return need == Need.NOTHING ? ANYTHING : new RequiredText(need);
    } catch (Unknown e) {
      return ANYTHING;
    }
  }

  /** Whether a match may be found in {@code text}: false only when it lacks what every match needs. */
  public boolean mayFind(String text) {
    return need.heldBy(new Span(text, 0, text.length()));
  }

  /**
   * {@link #mayFind} of the part of {@code text} from {@code start} to {@code end}, read as that
   * part alone (a matcher's region with opaque bounds).
   */
  public boolean mayFind(String text, int start, int end) {
    return need.heldBy(new Span(text, start, end));
  }

  /** Whether the expression requires anything at all. */
  public boolean requiresAnything() {
    return need != Need.NOTHING;
  }

  @Override
  public String toString() {
    return need.toString();
  }

  /** The part of a text from {@code start} to {@code end}, searched for the required strings. */
  private static final class Span {
    private final String text;
    private final int start;
    private final int end;
    private String folded;

    Span(String text, int start, int end) {
      this.text = text;
      this.start = start;
      this.end = end;
    }

    /**
     * Whether the span holds {@code part}; with {@code caseless}, {@code part} is in lower case and
     * a letter of the span may be in either (on a part of a text, in any case the JDK folds, which
     * says yes at least as often as folding US-ASCII letters only).
     */
    boolean holds(String part, boolean caseless) {
      if (start == 0 && end == text.length()) {
        if (!caseless) {
          return text.contains(part);
        }
        if (folded == null) {
          folded = foldAscii(text);
        }
        return folded.contains(part);
      }
      for (int at = start; at <= end - part.length(); at++) {
        if (text.regionMatches(caseless, at, part, 0, part.length())) {
          return true;
        }
      }
      return false;
    }
  }

  private static String foldAscii(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] >= 'A' && chars[i] <= 'Z') {
        chars[i] = (char) (chars[i] + ('a' - 'A'));
      }
    }
    return new String(chars);
  }

  /** A condition on a text. */
  private sealed interface Need {
    Need NOTHING = new All(List.of());

    boolean heldBy(Span span);
  }

  private record Holds(String part, boolean folded) implements Need {
    @Override
    public boolean heldBy(Span span) {
      return span.holds(part, folded);
    }

    @Override
    public String toString() {
      return (folded ? "(?i)" : "") + '"' + part + '"';
    }
  }

  private record All(List<Need> needs) implements Need {
    @Override
    public boolean heldBy(Span span) {
      for (Need need : needs) {
        if (!need.heldBy(span)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return needs.isEmpty() ? "anything" : "all" + needs;
    }
  }

  private record Any(List<Need> needs) implements Need {
    @Override
    public boolean heldBy(Span span) {
      for (Need need : needs) {
        if (need.heldBy(span)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String toString() {
      return "any" + needs;
    }
  }

  private static Need all(List<Need> needs) {
    List<Need> kept = new ArrayList<>();
    for (Need need : needs) {
      if (need instanceof All all) {
        kept.addAll(all.needs());
      } else {
        kept.add(need);
      }
    }
    return kept.isEmpty() ? Need.NOTHING : kept.size() == 1 ? kept.get(0) : new All(List.copyOf(kept));
  }

  private static Need any(List<Need> needs) {
    if (needs.contains(Need.NOTHING)) {
      return Need.NOTHING;
    }
    return needs.size() == 1 ? needs.get(0) : new Any(List.copyOf(needs));
  }

  /** A construct the reader does not know: the expression then requires nothing. */
  private static final class Unknown extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unknown() {
      super(null, null, false, false);
    }
  }

  /**
   * What one part of an expression matches: exactly the text {@code exact} (case-folded when
   * {@code folded}), or, when {@code exact} is null, something that needs {@code need}.
   */
  private record Part(String exact, boolean folded, Need need) {
    static final Part EMPTY = new Part("", false, Need.NOTHING);
    static final Part SOME = new Part(null, false, Need.NOTHING);

    Need asNeed() {
      return exact == null ? need : exact.isEmpty() ? Need.NOTHING : new Holds(exact, folded);
    }
  }

  /** A recursive-descent reading of {@code java.util.regex} syntax, as far as literals go. */
  private static final class Reader {
    private static final Pattern INLINE_FLAGS_OFF = Pattern.compile("\\(\\?[a-zA-Z]*-");
    private final String pattern;
    private int at;
    private boolean caseless;
    private boolean unicodeCase;

    /**
     * {@link Pattern#flags} tells the flags after those set inline at the top level: one that
     * switches a flag off ({@code (?-i)}) may have switched off a flag the expression was compiled
     * with, so then case is taken to be folded in every way until the expression says otherwise.
     */
    Reader(String pattern, int flags) {
      this.pattern = pattern;
      boolean switchesOff = INLINE_FLAGS_OFF.matcher(pattern).find();
      this.caseless = switchesOff || (flags & Pattern.CASE_INSENSITIVE) != 0;
      this.unicodeCase = switchesOff || (flags & (Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS)) != 0;
    }

    Need read() {
      Part whole = alternatives();
      if (at != pattern.length()) {
        throw new Unknown();
      }
      return whole.asNeed();
    }

    /** Alternatives up to the end of the enclosing group; inline flags last to that end, as in {@code java.util.regex}. */
    private Part alternatives() {
      boolean outerCaseless = caseless;
      boolean outerUnicodeCase = unicodeCase;
      List<Part> alternatives = new ArrayList<>();
      alternatives.add(sequence());
      while (at < pattern.length() && pattern.charAt(at) == '|') {
        at++;
        alternatives.add(sequence());
      }
      caseless = outerCaseless;
      unicodeCase = outerUnicodeCase;
      if (alternatives.size() == 1) {
        return alternatives.get(0);
      }
      return new Part(null, false, any(alternatives.stream().map(Part::asNeed).toList()));
    }

    /** Parts one after another: neighbouring exact parts make one longer required string. */
    private Part sequence() {
      List<Need> needs = new ArrayList<>();
      StringBuilder run = new StringBuilder();
      boolean runFolded = false;
      boolean allExact = true;
      while (at < pattern.length() && pattern.charAt(at) != '|' && pattern.charAt(at) != ')') {
        for (Part part : pattern.startsWith("\\Q", at) ? quoted() : List.of(quantified(atom()))) {
          if (part.exact() == null) {
            allExact = false;
            flush(run, runFolded, needs);
            needs.add(part.need());
          } else if (!part.exact().isEmpty()) {
            if (run.length() > 0 && runFolded != part.folded()) {
              allExact = false;
              flush(run, runFolded, needs);
            }
            runFolded = part.folded();
            run.append(part.exact());
          } else {
            needs.add(part.need());
          }
        }
      }
      if (allExact && needs.stream().allMatch(need -> need == Need.NOTHING)) {
        return new Part(run.toString(), runFolded, Need.NOTHING);
      }
      flush(run, runFolded, needs);
      return new Part(null, false, all(needs));
    }

    /**
     * {@code \\Q...\\E}: the quoted text, a quantifier after it applying to its last character
     * only, as in {@code java.util.regex}.
     */
    private List<Part> quoted() {
      at += 2;
      int end = pattern.indexOf("\\E", at);
      String quoted = pattern.substring(at, end < 0 ? pattern.length() : end);
      at = end < 0 ? pattern.length() : end + 2;
      if (quoted.isEmpty()) {
        return List.of(Part.EMPTY);
      }
      int last = quoted.offsetByCodePoints(quoted.length(), -1);
      Part lastCharacter = quantified(literal(quoted.substring(last)));
      return last == 0 ? List.of(lastCharacter) : List.of(literal(quoted.substring(0, last)), lastCharacter);
    }

    private static void flush(StringBuilder run, boolean folded, List<Need> needs) {
      if (run.length() > 0) {
        needs.add(new Holds(run.toString(), folded));
        run.setLength(0);
      }
    }

    /** {@code part} with the quantifier that follows it, if one does. */
    private Part quantified(Part part) {
      if (at >= pattern.length()) {
        return part;
      }
      char c = pattern.charAt(at);
      int least;
      boolean exactly = false;
      if (c == '?' || c == '*') {
        at++;
        least = 0;
      } else if (c == '+') {
        at++;
        least = 1;
      } else if (c == '{') {
        int close = pattern.indexOf('}', at);
        if (close < 0) {
          throw new Unknown();
        }
        String bounds = pattern.substring(at + 1, close);
        if (!bounds.matches("\\d{1,4}(,\\d{0,4})?")) {
          throw new Unknown();
        }
        int comma = bounds.indexOf(',');
        least = Integer.parseInt(comma < 0 ? bounds : bounds.substring(0, comma));
        exactly = comma < 0;
        at = close + 1;
      } else {
        return part;
      }
      if (at < pattern.length() && (pattern.charAt(at) == '?' || pattern.charAt(at) == '+')) {
        at++;
      }
      if (at < pattern.length() && "?*+{".indexOf(pattern.charAt(at)) >= 0) {
        throw new Unknown();
      }
      if (least == 0) {
        return Part.SOME;
      }
      if (part.exact() != null && exactly && part.exact().length() * least <= 64) {
        return new Part(part.exact().repeat(least), part.folded(), Need.NOTHING);
      }
      return new Part(null, false, part.asNeed());
    }

    private Part atom() {
      char c = pattern.charAt(at);
      switch (c) {
        case '(':
          return group();
        case '[':
          skipClass();
          return Part.SOME;
        case '.':
          at++;
          return Part.SOME;
        case '^':
        case '$':
          at++;
          return Part.EMPTY;
        case '\\':
          return escape();
        case '*':
        case '+':
        case '?':
        case '{':
          throw new Unknown();
        default:
          int codePoint = pattern.codePointAt(at);
          at += Character.charCount(codePoint);
          return literal(new String(Character.toChars(codePoint)));
      }
    }

    private Part literal(String text) {
      if (!caseless) {
        return new Part(text, false, Need.NOTHING);
      }
      if (unicodeCase) {
        return Part.SOME;
      }
      return new Part(foldAscii(text), true, Need.NOTHING);
    }

    private Part group() {
      at++;
      Part inner;
      if (pattern.startsWith("?:", at) || pattern.startsWith("?>", at)) {
        at += 2;
        inner = alternatives();
      } else if (pattern.startsWith("?=", at) || pattern.startsWith("?<=", at)) {
        at += pattern.charAt(at + 1) == '=' ? 2 : 3;
        inner = new Part("", false, alternatives().asNeed());
      } else if (pattern.startsWith("?!", at) || pattern.startsWith("?<!", at)) {
        at += pattern.charAt(at + 1) == '!' ? 2 : 3;
        alternatives();
        inner = Part.EMPTY;
      } else if (pattern.startsWith("?<", at)) {
        int close = pattern.indexOf('>', at);
        if (close < 0 || !pattern.substring(at + 2, close).matches("[a-zA-Z][a-zA-Z0-9]*")) {
          throw new Unknown();
        }
        at = close + 1;
        inner = alternatives();
      } else if (at < pattern.length() && pattern.charAt(at) == '?') {
        return flags();
      } else {
        inner = alternatives();
      }
      expect(')');
      return inner;
    }

    /** {@code (?i)} and the like, to the end of the enclosing group, or {@code (?i:...)} for its contents. */
    private Part flags() {
      at++;
      boolean on = true;
      boolean newCaseless = caseless;
      boolean newUnicodeCase = unicodeCase;
      while (at < pattern.length() && pattern.charAt(at) != ')' && pattern.charAt(at) != ':') {
        char flag = pattern.charAt(at++);
        switch (flag) {
          case '-' -> on = false;
          case 'i' -> newCaseless = on;
          case 'u', 'U' -> newUnicodeCase = on;
          case 'd', 'm', 's' -> { }
          default -> throw new Unknown();
        }
      }
      if (at >= pattern.length()) {
        throw new Unknown();
      }
      if (pattern.charAt(at) == ')') {
        at++;
        caseless = newCaseless;
        unicodeCase = newUnicodeCase;
        return Part.EMPTY;
      }
      at++;
      boolean outerCaseless = caseless;
      boolean outerUnicodeCase = unicodeCase;
      caseless = newCaseless;
      unicodeCase = newUnicodeCase;
      Part inner = alternatives();
      caseless = outerCaseless;
      unicodeCase = outerUnicodeCase;
      expect(')');
      return inner;
    }

    private void expect(char c) {
      if (at >= pattern.length() || pattern.charAt(at) != c) {
        throw new Unknown();
      }
      at++;
    }

    private Part escape() {
      if (at + 1 >= pattern.length()) {
        throw new Unknown();
      }
      char c = pattern.charAt(at + 1);
      at += 2;
      switch (c) {
        case 'b', 'B', 'A', 'z', 'Z', 'G':
          return Part.EMPTY;
        case 'd', 'D', 's', 'S', 'w', 'W', 'h', 'H', 'v', 'V', 'R', 'X':
          return Part.SOME;
        case 'p', 'P':
          if (at < pattern.length() && pattern.charAt(at) == '{') {
            int close = pattern.indexOf('}', at);
            if (close < 0) {
              throw new Unknown();
            }
            at = close + 1;
          } else {
            at++;
          }
          return Part.SOME;
        case 't':
          return literal("\t");
        case 'n':
          return literal("\n");
        case 'r':
          return literal("\r");
        case 'f':
          return literal("\f");
        case 'a':
          return literal("\u0007");
        case 'e':
          return literal("\u001b");
        default:
          if (c >= '1' && c <= '9') {
            while (at < pattern.length() && Character.isDigit(pattern.charAt(at))) {
              at++;
            }
            return Part.SOME;
          }
          if (Character.isLetterOrDigit(c) || Character.isHighSurrogate(c)) {
            throw new Unknown();
          }
          return literal(String.valueOf(c));
      }
    }

    /** Moves past a character class, nested classes and escapes included; a {@code ]} first in a class is one of its characters. */
    private void skipClass() {
      at++;
      if (at < pattern.length() && pattern.charAt(at) == '^') {
        at++;
      }
      if (at < pattern.length() && pattern.charAt(at) == ']') {
        at++;
      }
      while (at < pattern.length()) {
        char c = pattern.charAt(at);
        if (c == ']') {
          at++;
          return;
        }
        if (c == '[') {
          skipClass();
        } else if (c == '\\') {
          if (pattern.startsWith("\\Q", at)) {
            int end = pattern.indexOf("\\E", at + 2);
            if (end < 0) {
              throw new Unknown();
            }
            at = end + 2;
          } else {
            at += 2;
          }
        } else {
          at++;
        }
      }
      throw new Unknown();
    }
  }
}

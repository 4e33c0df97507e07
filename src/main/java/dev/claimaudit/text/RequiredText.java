package dev.claimaudit.text;

import java.util.ArrayList;
import java.util.Arrays;
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
  private static final RequiredText ANYTHING = new RequiredText(Need.NOTHING, 0);

  private final Need need;
  /** How many required strings {@link #need} names, each by its index. */
  private final int strings;

  private RequiredText(Need need, int strings) {
    this.need = need;
    this.strings = strings;
  }

  public static RequiredText of(Pattern pattern) {
    if ((pattern.flags() & (Pattern.COMMENTS | Pattern.LITERAL | Pattern.CANON_EQ)) != 0) {
      return ANYTHING;
    }
    try {
      Reader reader = new Reader(pattern.pattern(), pattern.flags());
      Need need = reader.read();
      return need == Need.NOTHING ? ANYTHING : new RequiredText(need, reader.strings);
    } catch (Unknown e) {
      return ANYTHING;
    }
  }

  /** Whether a match may be found in {@code text}: false only when it lacks what every match needs. */
  public boolean mayFind(String text) {
    return need.heldBy(new Whole(text));
  }

  /** {@code text}, to be asked about part after part ({@link Lines#mayFind}), as a file is line after line. */
  public Lines over(String text) {
    return new Lines(text);
  }

  /**
   * A text asked about part after part: where each required string next occurs is kept, so that
   * asking about every line of a file in order searches the file once per string, not once per line.
   */
  public final class Lines implements Searched {
    private static final int UNKNOWN = -1;
    private static final int NONE_LEFT = Integer.MAX_VALUE;

    private final String text;
    private String folded;
    private final int[] next = new int[strings];
    private int start;
    private int end;

    private Lines(String text) {
      this.text = text;
      Arrays.fill(next, UNKNOWN);
    }

    /**
     * {@link #mayFind(String)} of the part of the text from {@code start} to {@code end}, read as
     * that part alone (a matcher's region with opaque bounds).
     */
    public boolean mayFind(int start, int end) {
      if (start < this.start) {
        Arrays.fill(next, UNKNOWN);
      }
      this.start = start;
      this.end = end;
      return need.heldBy(this);
    }

    /** Whether the current part holds the string; one that is caseless is looked for in the text with US-ASCII letters folded. */
    @Override
    public boolean holds(Holds holds) {
      int at = next[holds.index()];
      if (at == UNKNOWN || at < start) {
        String searched = holds.folded() ? folded() : text;
        int found = searched.indexOf(holds.part(), start);
        at = found < 0 ? NONE_LEFT : found;
        next[holds.index()] = at;
      }
      return at != NONE_LEFT && at <= end - holds.part().length();
    }

    private String folded() {
      if (folded == null) {
        folded = foldAscii(text);
      }
      return folded;
    }
  }

  /** Whether the expression requires anything at all. */
  public boolean requiresAnything() {
    return need != Need.NOTHING;
  }

  @Override
  public String toString() {
    return need.toString();
  }

  /** A text searched for the required strings. */
  private interface Searched {
    boolean holds(Holds holds);
  }

  /** A whole text asked once: searched as it is, a caseless string without a folded copy of the text. */
  private record Whole(String text) implements Searched {
    @Override
    public boolean holds(Holds holds) {
      return holds.folded() ? containsFolded(text, holds.part()) : text.contains(holds.part());
    }
  }

  /** Whether {@code text}, its US-ASCII letters folded, holds {@code part} (in lower case). */
  private static boolean containsFolded(String text, String part) {
    char first = part.charAt(0);
    for (int at = 0, last = text.length() - part.length(); at <= last; at++) {
      if (foldAscii(text.charAt(at)) == first && foldedAt(text, at, part)) {
        return true;
      }
    }
    return false;
  }

  private static boolean foldedAt(String text, int at, String part) {
    for (int i = 1; i < part.length(); i++) {
      if (foldAscii(text.charAt(at + i)) != part.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static char foldAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  private static String foldAscii(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = foldAscii(chars[i]);
    }
    return new String(chars);
  }

  /** A condition on a text. */
  private sealed interface Need {
    Need NOTHING = new All(new Need[0]);

    boolean heldBy(Searched text);
  }

  /** The string {@code part}, the {@code index}th of its expression; in lower case when {@code folded}. */
  private record Holds(String part, boolean folded, int index) implements Need {
    @Override
    public boolean heldBy(Searched text) {
      return text.holds(this);
    }

    @Override
    public String toString() {
      return (folded ? "(?i)" : "") + '"' + part + '"';
    }
  }

  /** Every one of {@code needs}; an array, so that checking a line allocates nothing. */
  private record All(Need[] needs) implements Need {
    @Override
    public boolean heldBy(Searched text) {
      for (Need need : needs) {
        if (!need.heldBy(text)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return needs.length == 0 ? "anything" : "all" + Arrays.toString(needs);
    }
  }

  /** One of {@code needs} at least. */
  private record Any(Need[] needs) implements Need {
    @Override
    public boolean heldBy(Searched text) {
      for (Need need : needs) {
        if (need.heldBy(text)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String toString() {
      return "any" + Arrays.toString(needs);
    }
  }

  private static Need all(List<Need> needs) {
    List<Need> kept = new ArrayList<>();
    for (Need need : needs) {
      if (need instanceof All all) {
        kept.addAll(Arrays.asList(all.needs()));
      } else {
        kept.add(need);
      }
    }
    return kept.isEmpty() ? Need.NOTHING : kept.size() == 1 ? kept.get(0) : new All(kept.toArray(Need[]::new));
  }

  private static Need any(List<Need> needs) {
    if (needs.contains(Need.NOTHING)) {
      return Need.NOTHING;
    }
    return needs.size() == 1 ? needs.get(0) : new Any(needs.toArray(Need[]::new));
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

    Need asNeed(Reader reader) {
      return exact == null ? need : exact.isEmpty() ? Need.NOTHING : reader.holds(exact, folded);
    }
  }

  /** A recursive-descent reading of {@code java.util.regex} syntax, as far as literals go. */
  private static final class Reader {
    private static final Pattern INLINE_FLAGS_OFF = Pattern.compile("\\(\\?[a-zA-Z]*-");
    private final String pattern;
    private int at;
    /** Required strings named so far; the next one's index. */
    private int strings;
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
      return whole.asNeed(this);
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
      return new Part(null, false, any(alternatives.stream().map(part -> part.asNeed(this)).toList()));
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

    private Holds holds(String part, boolean folded) {
      return new Holds(part, folded, strings++);
    }

    private void flush(StringBuilder run, boolean folded, List<Need> needs) {
      if (run.length() > 0) {
        needs.add(holds(run.toString(), folded));
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
        int comma = close < 0 ? -1 : pattern.indexOf(',', at);
        int leastEnd = comma >= 0 && comma < close ? comma : close;
        if (close < 0 || !digits(at + 1, leastEnd) || leastEnd < close && close > leastEnd + 1 && !digits(leastEnd + 1, close)) {
          throw new Unknown();
        }
        least = Integer.parseInt(pattern, at + 1, leastEnd, 10);
        exactly = leastEnd == close;
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
      return new Part(null, false, part.asNeed(this));
    }

    /** Whether {@code pattern} from {@code start} to {@code end} is one to four digits. */
    private boolean digits(int start, int end) {
      if (end <= start || end - start > 4) {
        return false;
      }
      for (int i = start; i < end; i++) {
        if (pattern.charAt(i) < '0' || pattern.charAt(i) > '9') {
          return false;
        }
      }
      return true;
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
        inner = new Part("", false, alternatives().asNeed(this));
      } else if (pattern.startsWith("?!", at) || pattern.startsWith("?<!", at)) {
        at += pattern.charAt(at + 1) == '!' ? 2 : 3;
        alternatives();
        inner = Part.EMPTY;
      } else if (pattern.startsWith("?<", at)) {
        int close = pattern.indexOf('>', at);
        if (close < 0 || !isGroupName(pattern.substring(at + 2, close))) {
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

    /** {@code [a-zA-Z][a-zA-Z0-9]*}, the name of a named group. */
    private static boolean isGroupName(String name) {
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9')) {
          return false;
        }
      }
      return !name.isEmpty();
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

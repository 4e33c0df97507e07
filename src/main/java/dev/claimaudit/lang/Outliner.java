package dev.claimaudit.lang;

import dev.claimaudit.lang.Outline.Block;
import dev.claimaudit.lang.Outline.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the named blocks of a file from its lexed text: braces in code for the C-like languages,
 * indentation for Python, Ruby and Elixir. A block is named by the declaration before it, read
 * with one set of patterns for every language (a {@code fn}, {@code func}, {@code def},
 * {@code class}, a method signature, an {@code it("…")} call). It reads what formatted code
 * usually looks like and never fails: a block it cannot name is still nested correctly, and one
 * left open ends with the file.
 */
public final class Outliner {
  /** Longest declaration read before a block's brace; a longer run of code before it is cut from the start. */
  private static final int MAX_HEADER = 1_500;

  private static final Set<Language> BY_INDENT = EnumSet.of(Language.PYTHON, Language.RUBY, Language.ELIXIR);

  private static final Pattern TEST_CALL = Pattern.compile(
      "(?:^|[^\\w.$])((?:describe|context|suite|it|test|specify|scenario|feature|xit|xdescribe|xtest|xcontext|fit|fdescribe|ftest"
          + "|Deno\\.test|[a-z]\\.Run)(?:\\s*\\.\\s*\\w+)*(?:\\s*\\((?:[^()]|\\([^()]*\\))*\\))?)\\s*\\(\\s*(?:[\\w.]+\\s*,\\s*)?"
          + "([\"'`])((?:\\\\.|(?!\\2).){0,300})\\2");
  /**
   * A type declared where declarations start, at the head of a line after its modifiers: an
   * {@code impl Iterator} in a return type or a parameter is not one.
   */
  private static final Pattern TYPE_DECLARATION = Pattern.compile(
      "(?m)^[ \\t]*(?:(?:pub(?:\\([^)]*\\))?|export|default|public|private|protected|internal|abstract|sealed|data|final|static|open|partial"
          + "|unsafe|declare|inner|enum|annotation|value|inline|fileprivate|case|@\\w+(?:\\([^)]*\\))?)\\s+)*"
          + "(class|interface|struct|enum|trait|object|record|protocol|extension|namespace|mod|union|impl)\\b(?:\\s*<[^{;]*?>)?\\s+"
          + "(?:[\\w:.<>, &'?]+?\\s+for\\s+)?([A-Za-z_$][\\w$]*)");
  private static final Pattern ANONYMOUS_TYPE = Pattern.compile(
      "\\bnew\\s+([A-Za-z_$][\\w$.]*)\\s*(?:<[^(){}]*>)?\\s*\\([^(){}]*\\)\\s*$|\\bobject\\s*:\\s*([A-Za-z_$][\\w$.]*)");
  private static final Pattern KEYWORD_FUNCTION = Pattern.compile(
      "\\b(?:fn\\s+([A-Za-z_]\\w*)|func\\b\\s*(?:\\(\\s*(?:\\w+\\s+)?\\*?\\s*([A-Za-z_]\\w*)[^)]*\\)\\s*)?([A-Za-z_]\\w*)|fun\\s+(?:<[^>]*>\\s*)?(?:[\\w.<>?]+\\.)?(`[^`]+`|[A-Za-z_]\\w*)"
          + "|function\\s*\\*?\\s*([A-Za-z_$][\\w$]*)|def\\s+([A-Za-z_]\\w*))");
  private static final Pattern SPOCK_FEATURE = Pattern.compile("\\bdef\\s+([\"'])((?:\\\\.|(?!\\1).){1,300})\\1\\s*\\(");
  private static final Pattern BOUND_FUNCTION = Pattern.compile(
      "(?<![\\w$])([A-Za-z_$][\\w$]*)\\s*[:=]\\s*(?:async\\s+)?(?:function\\b[^(]*\\([^)]*\\)|(?:\\((?:[^()]|\\([^()]*\\))*\\)|[A-Za-z_$][\\w$]*)"
          + "\\s*(?::\\s*[^=]+?)?=>)\\s*$");
  private static final String PARAMETERS_AND_TAIL = "\\s*(?:<[^(){};]*>)?\\s*\\((?:[^(){}]|\\((?:[^(){}]|\\([^(){}]*\\))*\\))*\\)\\s*"
      + "(?:(?:throws|where|const|override|noexcept|async|final|mut|except)\\b[^{};]*|:\\s*[^{};=]*|->\\s*[^{};]*)?\\s*$";
  /**
   * A method declared after its return type, as in Java, C#, C, C++ and Dart: {@code public int size() throws IOException}.
   * The cheap tests of where a name can start come before the look back for its type, which would
   * otherwise be tried at every character of a header.
   */
  private static final Pattern TYPED_METHOD = Pattern.compile(
      "(?<![.\\w$])(?=[A-Za-z_$~])(?<=[\\w$>\\]?*&]\\s{1,20})([A-Za-z_$~][\\w$]*)" + PARAMETERS_AND_TAIL);
  /** A method at the start of its line, as in JavaScript classes and object literals, and shell functions: {@code async load(id) }. */
  private static final Pattern LEADING_METHOD = Pattern.compile(
      "(?m)^\\s*(?:(?:public|private|protected|static|async|get|set|override|readonly|abstract|export|default|function)\\s+)*\\*?"
          + "([A-Za-z_$][\\w$]*)" + PARAMETERS_AND_TAIL);
  /** A C# property with accessors: {@code public IResource? Owner}. */
  private static final Pattern PROPERTY = Pattern.compile("(?<![.\\w$])(?=[A-Z])(?<=[\\w$>\\]?]\\s{1,20})([A-Z][\\w]*)\\s*$");
  private static final Set<Language> TYPED_METHODS = EnumSet.of(Language.JAVA, Language.CSHARP, Language.C, Language.CPP, Language.DART,
      Language.GROOVY, Language.PHP);
  private static final Set<Language> LEADING_METHODS = EnumSet.of(Language.JAVASCRIPT, Language.TYPESCRIPT, Language.SHELL, Language.PHP);
  private static final Set<String> NOT_NAMES = Set.of("if", "for", "while", "switch", "catch", "synchronized", "return", "new", "function",
      "foreach", "using", "lock", "fixed", "when", "match", "else", "do", "try", "sizeof", "typeof", "await", "yield", "with", "elif",
      "unless", "until", "loop", "select", "case", "guard", "defer", "go", "assert", "throw", "in", "of", "and", "or", "not");
  private static final Pattern EXPRESSION_FUNCTION = Pattern.compile(
      "^\\s*(?:[\\w@]+\\s+)*?(?:fun|def)\\s+(?:<[^>]*>\\s*)?(?:[\\w.<>?]+\\.)?(`[^`]+`|[A-Za-z_]\\w*)[^{]*?[^=!<>]=(?![=>])\\s*(?:\\S|$)"
          + "|^\\s*(?:[\\w<>\\[\\],?]+\\s+)+([A-Za-z_]\\w*)\\s*\\([^)]*\\)\\s*=>\\s*\\S");

  /** A method header whose expression body starts on the next line with {@code =>} (C#, Dart). */
  private static final Pattern HEADER_BEFORE_ARROW = Pattern.compile("^\\s*(?:[\\w<>\\[\\],?]+\\s+)+([A-Za-z_]\\w*)\\s*\\([^)]*\\)\\s*$");

  private static final Pattern INDENT_FUNCTION = Pattern.compile("^\\s*(?:async\\s+)?(?:def|defp|defmacrop?)\\s+(?:self\\.)?([A-Za-z_]\\w*[?!=]?)");
  private static final Pattern INDENT_TYPE = Pattern.compile("^\\s*(?:class|module|defmodule)\\s+([A-Za-z_]\\w*(?:(?:::|\\.)[A-Za-z_]\\w*)*)");
  private static final Pattern INDENT_TEST = Pattern.compile(
      "^\\s*(describe|context|it|specify|test|scenario|feature)\\s*\\(?\\s*([\"'])((?:\\\\.|(?!\\2).){0,300})\\2");

  /*
   * Words one of which every match of a pattern holds, as the pattern spells them: a header that
   * holds none is not tried with it. Most block headers (an if, a loop, a method) hold none of a
   * type's or a test call's words, and trying the patterns at each character costs more.
   */
  private static final List<String> TEST_CALL_WORDS = List.of("it", "test", "describe", "context", "specify", "scenario", "feature", ".Run");
  private static final List<String> QUOTES = List.of("\"", "'", "`");
  private static final List<String> TYPE_WORDS = List.of("class", "interface", "struct", "enum", "trait", "object", "record", "protocol",
      "extension", "namespace", "mod", "union", "impl");
  private static final List<String> ANONYMOUS_TYPE_WORDS = List.of("new", "object");
  private static final List<String> KEYWORD_FUNCTION_WORDS = List.of("fn", "fun", "def");
  private static final List<String> SPOCK_FEATURE_WORDS = List.of("def");
  private static final List<String> BOUND_FUNCTION_WORDS = List.of("=>", "function");

  private Outliner() {}

  public static Outline outline(Language language, LexedText lexed) {
    return outline(language, lexed, true);
  }

  /** @param wordChecks whether a pattern is tried only on a header that holds one of its words; false for the tests' oracle */
  static Outline outline(Language language, LexedText lexed, boolean wordChecks) {
    return BY_INDENT.contains(language) ? byIndent(lexed) : byBraces(language, lexed, wordChecks);
  }

  /**
   * A block being read: opened by a brace, named or not. A {@code typeLiteral} brace opens a type
   * written after a colon ({@code ): { user: string } {}}), which the declaration continues after.
   */
  private record Open(Kind kind, String name, String header, List<String> annotations, int startLine, int bodyLine, boolean typeLiteral) {
    Open(Kind kind, String name, String header, List<String> annotations, int startLine, int bodyLine) {
      this(kind, name, header, annotations, startLine, bodyLine, false);
    }
  }

  private static Outline byBraces(Language language, LexedText lexed, boolean wordChecks) {
    String text = lexed.text();
    List<Block> blocks = new ArrayList<>();
    Deque<Open> open = new ArrayDeque<>();
    int statementStart = 0;
    int brackets = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("{};()[]".indexOf(c) < 0 || lexed.regionAt(i) != Region.CODE) {
        continue;
      }
      if (c == '(' || c == '[') {
        brackets++;
        continue;
      }
      if (c == ')' || c == ']') {
        brackets = Math.max(0, brackets - 1);
        continue;
      }
      if (c == ';' && (brackets > 0 || !open.isEmpty() && open.peek().typeLiteral())) {
        // A semicolon inside brackets ("[f32; 4]", "for (;;)") or a type literal does not end the declaration.
        continue;
      }
      brackets = 0;
      if (c == '{') {
        int from = Math.max(statementStart, i - MAX_HEADER);
        if (lastCodeChar(lexed, from, i) == ':') {
          open.push(new Open(null, null, "", List.of(), lexed.lineOf(i), lexed.lineOf(i), true));
          continue;
        }
        open.push(name(language, lexed, from, i, wordChecks));
      } else if (c == '}' && !open.isEmpty()) {
        Open closed = open.pop();
        close(closed, lexed.lineOf(i), blocks);
        if (closed.typeLiteral()) {
          continue;
        }
      }
      statementStart = i + 1;
    }
    int last = lexed.lineCount();
    while (!open.isEmpty()) {
      close(open.pop(), last, blocks);
    }
    expressionFunctions(lexed, blocks);
    return new Outline(blocks);
  }

  private static void close(Open block, int endLine, List<Block> blocks) {
    if (block.kind() != null) {
      blocks.add(new Block(block.kind(), block.name(), block.header(), block.annotations(), block.startLine(), block.bodyLine(), endLine));
    }
  }

  /** The block whose brace is at {@code brace}, named by the declaration between {@code from} and it. */
  private static Open name(Language language, LexedText lexed, int from, int brace, boolean wordChecks) {
    String header = codeAndStrings(lexed, from, brace);
    // Declarations are read from the code alone ("functions" in a test's name is no func), tests' names from their strings.
    String code = codeOnly(lexed, from, brace);
    int headerStart = declarationStart(header);
    int codeStart = declarationStart(code);
    int bodyLine = lexed.lineOf(brace);
    Kind kind = null;
    String name = null;
    int at = -1;
    boolean testCalls = !wordChecks || holdsAny(header, headerStart, QUOTES) && holdsAny(header, headerStart, TEST_CALL_WORDS);
    Matcher test = fromDeclaration(TEST_CALL.matcher(header), header, headerStart);
    while (testCalls && test.find()) {
      at = test.start(1);
      String callee = test.group(1);
      kind = callee.matches("(?s)(?:describe|context|suite|xdescribe|xcontext|fdescribe|feature)\\b.*") ? Kind.SUITE : Kind.TEST;
      name = test.group(3);
    }
    boolean spockFeatures = !wordChecks || holdsAny(header, headerStart, SPOCK_FEATURE_WORDS);
    Matcher spock = fromDeclaration(SPOCK_FEATURE.matcher(header), header, headerStart);
    while (spockFeatures && spock.find()) {
      if (spock.start() > at) {
        at = spock.start();
        kind = Kind.TEST;
        name = spock.group(2);
      }
    }
    boolean types = !wordChecks || holdsAny(code, codeStart, TYPE_WORDS);
    Matcher type = fromDeclaration(TYPE_DECLARATION.matcher(code), code, codeStart);
    while (types && type.find()) {
      if (type.start(1) > at && !type.group(2).equals("for") && !insideAType(code, type.start())) {
        at = type.start(1);
        kind = Kind.TYPE;
        name = type.group(2);
      }
    }
    Matcher anonymous = fromDeclaration(ANONYMOUS_TYPE.matcher(code), code, codeStart);
    if ((!wordChecks || holdsAny(code, codeStart, ANONYMOUS_TYPE_WORDS)) && anonymous.find() && anonymous.start() > at) {
      at = anonymous.start();
      kind = Kind.TYPE;
      name = anonymous.group(1) != null ? anonymous.group(1) : anonymous.group(2);
    }
    boolean keywordFunctions = !wordChecks || holdsAny(code, codeStart, KEYWORD_FUNCTION_WORDS);
    Matcher keyword = fromDeclaration(KEYWORD_FUNCTION.matcher(code), code, codeStart);
    int keywordEnd = -1;
    while (keywordFunctions && keyword.find()) {
      if (keyword.start() > at) {
        at = keyword.start();
        keywordEnd = keyword.end();
        kind = Kind.FUNCTION;
        // A Go method is named with its receiver's type, which plays the part of its class.
        name = keyword.group(2) != null ? keyword.group(2) + "." + keyword.group(3) : firstGroup(keyword);
      }
    }
    Matcher bound = fromDeclaration(BOUND_FUNCTION.matcher(code), code, codeStart);
    if ((!wordChecks || holdsAny(code, codeStart, BOUND_FUNCTION_WORDS)) && bound.find() && bound.start() > at) {
      at = bound.start();
      kind = Kind.FUNCTION;
      name = bound.group(1);
    }
    for (Pattern pattern : methodPatterns(language)) {
      Matcher method = fromDeclaration(pattern.matcher(code), code, codeStart);
      if (method.find() && method.start(1) > at && method.start(1) >= keywordEnd && !NOT_NAMES.contains(method.group(1))) {
        at = method.start(1);
        kind = Kind.FUNCTION;
        name = method.group(1);
      }
    }
    if (kind == null) {
      return new Open(null, null, header, List.of(), bodyLine, bodyLine);
    }
    int declaration = header.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
    List<String> annotations = annotations(header.substring(0, declaration));
    // A declaration begins with its annotations: a @Disabled above a method belongs to that method.
    int startLine = lexed.lineOf(from + Math.max(0, Math.min(at, header.length() - 1))) - annotationLines(header.substring(0, declaration));
    return new Open(kind, name.replace("`", ""), header.substring(declaration).strip(), annotations, startLine, bodyLine);
  }

  /**
   * {@code matcher} over {@code text} from the line its first character that is not white space
   * stands on (and the line end before it), seeing the whole text around: a header is mostly the
   * blanked doc comment above a declaration, and a pattern tried at each of its spaces costs more
   * than the declaration. No match can start in that white space and name anything else.
   */
  private static Matcher fromDeclaration(Matcher matcher, String text, int start) {
    return matcher.region(start, text.length()).useTransparentBounds(true).useAnchoringBounds(false);
  }

  /** Where {@link #fromDeclaration} starts a match: the line end before the line of the first character that is not white space. */
  private static int declarationStart(String text) {
    int first = 0;
    while (first < text.length() && Character.isWhitespace(text.charAt(first))) {
      first++;
    }
    int lineStart = text.lastIndexOf('\n', first - 1) + 1;
    return Math.max(0, lineStart - 1);
  }

  /** Whether {@code text} holds one of {@code words} from {@code from} on, where every match of their pattern lies. */
  private static boolean holdsAny(String text, int from, List<String> words) {
    for (int i = 0; i < words.size(); i++) {
      if (text.indexOf(words.get(i), from) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the code before {@code at} leaves it inside a type or a list, as in a return type
   * wrapped over lines ({@code -> Binder<\n    impl Iterator<Item = T>,\n>}): the last character
   * before it that is not white space opens or continues one.
   */
  private static boolean insideAType(String code, int at) {
    for (int i = at - 1; i >= 0; i--) {
      char c = code.charAt(i);
      if (!Character.isWhitespace(c)) {
        return "<,(:=>|&".indexOf(c) >= 0;
      }
    }
    return false;
  }

  /** The declarations without a keyword that {@code language} has. */
  private static List<Pattern> methodPatterns(Language language) {
    List<Pattern> patterns = new ArrayList<>();
    if (TYPED_METHODS.contains(language)) {
      patterns.add(TYPED_METHOD);
    }
    if (LEADING_METHODS.contains(language)) {
      patterns.add(LEADING_METHOD);
    }
    if (language == Language.CSHARP) {
      patterns.add(PROPERTY);
    }
    return patterns;
  }

  /** The text from {@code from} to {@code to} with comments blanked out, so a declaration's name is never read from its doc comment. */
  private static String codeAndStrings(LexedText lexed, int from, int to) {
    String text = lexed.text();
    StringBuilder out = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      out.append(lexed.regionAt(i) == Region.COMMENT && c != '\n' ? ' ' : c);
    }
    return out.toString();
  }

  /** The last character of code before {@code to} that is not white space, or 0. */
  private static char lastCodeChar(LexedText lexed, int from, int to) {
    String text = lexed.text();
    for (int i = to - 1; i >= from; i--) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && lexed.regionAt(i) == Region.CODE) {
        return c;
      }
    }
    return 0;
  }

  /** The text from {@code from} to {@code to} with comments and strings blanked out. */
  private static String codeOnly(LexedText lexed, int from, int to) {
    String text = lexed.text();
    StringBuilder out = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      out.append(lexed.regionAt(i) != Region.CODE && c != '\n' ? ' ' : c);
    }
    return out.toString();
  }

  /** How many lines right above the declaration are its annotations, blank lines between them included. */
  private static int annotationLines(String prefix) {
    String[] lines = prefix.split("\n", -1);
    int count = 0;
    int annotated = 0;
    for (int i = lines.length - 2; i >= 0; i--) {
      String stripped = lines[i].strip();
      if (stripped.startsWith("@") || stripped.startsWith("#[") || stripped.startsWith("[")) {
        count++;
        annotated = count;
      } else if (stripped.isEmpty()) {
        count++;
      } else {
        break;
      }
    }
    return annotated;
  }

  /** The annotation lines of a declaration's prefix: {@code @Test}, {@code #[ignore]}, {@code [Fact]}. */
  private static List<String> annotations(String prefix) {
    List<String> found = new ArrayList<>();
    for (String line : prefix.split("\n")) {
      String stripped = line.strip();
      if (stripped.startsWith("@") || stripped.startsWith("#[") || stripped.startsWith("[")) {
        found.add(stripped);
      }
    }
    return found;
  }

  private static String firstGroup(Matcher matcher) {
    for (int group = 1; group <= matcher.groupCount(); group++) {
      if (matcher.group(group) != null) {
        return matcher.group(group);
      }
    }
    return matcher.group();
  }

  /**
   * Functions whose body is an expression rather than a block ({@code fun size() = TODO()},
   * {@code def size: Int = ???}, {@code int Size() => throw …}): the declaration's line and the
   * lines indented under it.
   */
  private static void expressionFunctions(LexedText lexed, List<Block> blocks) {
    for (int line = 1; line <= lexed.lineCount(); line++) {
      String text = lexed.line(line);
      boolean arrowBelow = line < lexed.lineCount() && opensWithArrow(lexed, line + 1);
      if (text.length() > MAX_HEADER || !(text.contains("fun ") || text.contains("def ") || text.contains("=>") || arrowBelow)
          || !lexed.holdsCode(line)) {
        continue;
      }
      Matcher matcher = EXPRESSION_FUNCTION.matcher(text);
      if (!matcher.find() || text.indexOf('{', matcher.end() - 1) >= 0) {
        matcher = HEADER_BEFORE_ARROW.matcher(text);
        if (!arrowBelow || !matcher.find()) {
          continue;
        }
      }
      int indent = LineContext.indent(text);
      int end = line;
      for (int next = line + 1; next <= lexed.lineCount(); next++) {
        String following = lexed.line(next);
        if (following.isBlank()) {
          continue;
        }
        if (LineContext.indent(following) <= indent) {
          break;
        }
        end = next;
      }
      String name = matcher.group(1) != null || matcher.groupCount() < 2 ? matcher.group(1) : matcher.group(2);
      blocks.add(new Block(Kind.FUNCTION, name.replace("`", ""), text.strip(), annotationsAbove(lexed, line), line, line, end));
    }
  }

  /** Whether the line's first characters after its indentation are {@code =>}, read in place: every line of a file is asked. */
  private static boolean opensWithArrow(LexedText lexed, int line) {
    String text = lexed.text();
    int at = lexed.lineStart(line);
    while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
      at++;
    }
    return text.startsWith("=>", at);
  }

  private static Outline byIndent(LexedText lexed) {
    List<Block> blocks = new ArrayList<>();
    Deque<IndentOpen> open = new ArrayDeque<>();
    int lastCode = 0;
    for (int line = 1; line <= lexed.lineCount(); line++) {
      String text = lexed.line(line);
      if (text.isBlank() || !lexed.holdsCode(line)) {
        continue;
      }
      int indent = LineContext.indent(text);
      char first = text.strip().charAt(0);
      if (first == ')' || first == ']' || first == '}') {
        // The end of a bracketed header or argument list continues the line above it.
        lastCode = line;
        continue;
      }
      while (!open.isEmpty() && open.peek().indent() >= indent) {
        IndentOpen done = open.pop();
        blocks.add(done.block(lastCode));
      }
      IndentOpen opened = indentBlock(lexed, line, text, indent);
      if (opened != null) {
        open.push(opened);
      }
      lastCode = line;
    }
    while (!open.isEmpty()) {
      blocks.add(open.pop().block(lastCode));
    }
    return new Outline(blocks);
  }

  /** A block opened by a line of an indented language, closed by the first line indented as far or less. */
  private record IndentOpen(Kind kind, String name, String header, List<String> annotations, int startLine, int indent) {
    Block block(int endLine) {
      return new Block(kind, name, header, annotations, startLine, startLine, Math.max(startLine, endLine));
    }
  }

  private static IndentOpen indentBlock(LexedText lexed, int line, String text, int indent) {
    Matcher function = INDENT_FUNCTION.matcher(text);
    if (function.find()) {
      return new IndentOpen(Kind.FUNCTION, function.group(1), text.strip(), annotationsAbove(lexed, line), line, indent);
    }
    Matcher type = INDENT_TYPE.matcher(text);
    if (type.find()) {
      return new IndentOpen(Kind.TYPE, type.group(1), text.strip(), annotationsAbove(lexed, line), line, indent);
    }
    Matcher test = INDENT_TEST.matcher(text);
    if (test.find()) {
      Kind kind = test.group(1).matches("describe|context|feature") ? Kind.SUITE : Kind.TEST;
      return new IndentOpen(kind, test.group(3), text.strip(), List.of(), line, indent);
    }
    return null;
  }

  /** The decorator and annotation lines right above {@code line}, at its indentation, in source order. */
  private static List<String> annotationsAbove(LexedText lexed, int line) {
    List<String> found = new ArrayList<>();
    int indent = lexed.indent(line);
    for (int above = line - 1; above >= 1 && above >= line - 50; above--) {
      String text = lexed.line(above);
      String stripped = text.strip();
      if (stripped.isEmpty()) {
        continue;
      }
      if (LineContext.indent(text) != indent || !(stripped.startsWith("@") || stripped.startsWith("#[") || stripped.startsWith("["))
          || !lexed.holdsCode(above)) {
        break;
      }
      found.add(0, stripped);
    }
    return found;
  }
}

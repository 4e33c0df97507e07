package dev.claimaudit.lang;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the code in a file: by its extension, or, for a file whose code sits inside another
 * format or whose name does not tell, by reading it. A script without an extension is read by
 * its {@code #!} line; a Vue or Svelte component by its {@code <script>} blocks; a Makefile by
 * its recipe lines, which are shell; a Jupyter notebook by its code cells.
 */
public final class Sources {
  private static final Pattern SCRIPT_OPEN = Pattern.compile("(?i)<script\\b([^>]*)>");
  private static final Pattern SCRIPT_CLOSE = Pattern.compile("(?i)</script\\s*>");
  private static final Pattern TYPESCRIPT_ATTRIBUTE = Pattern.compile("(?i)\\blang\\s*=\\s*[\"']?(?:ts|tsx|typescript)\\b");
  private static final Pattern MAKEFILE = Pattern.compile("(?i)(?:gnu)?makefile|.+\\.(?:mk|mak|make)");
  private static final Pattern VERSION_SUFFIX = Pattern.compile("[\\d.]+$");
  private static final Map<String, Language> INTERPRETERS = Map.ofEntries(
      Map.entry("sh", Language.SHELL), Map.entry("bash", Language.SHELL), Map.entry("zsh", Language.SHELL),
      Map.entry("ksh", Language.SHELL), Map.entry("dash", Language.SHELL), Map.entry("ash", Language.SHELL),
      Map.entry("bats", Language.SHELL), Map.entry("python", Language.PYTHON), Map.entry("pypy", Language.PYTHON),
      Map.entry("node", Language.JAVASCRIPT), Map.entry("nodejs", Language.JAVASCRIPT), Map.entry("bun", Language.TYPESCRIPT),
      Map.entry("deno", Language.TYPESCRIPT), Map.entry("ts-node", Language.TYPESCRIPT), Map.entry("tsx", Language.TYPESCRIPT),
      Map.entry("ruby", Language.RUBY), Map.entry("php", Language.PHP), Map.entry("elixir", Language.ELIXIR),
      Map.entry("groovy", Language.GROOVY), Map.entry("swift", Language.SWIFT), Map.entry("dart", Language.DART),
      Map.entry("scala", Language.SCALA), Map.entry("kotlin", Language.KOTLIN));
  /** Notebook languages as kernels name them. */
  private static final Map<String, Language> KERNEL_LANGUAGES = Map.of(
      "python", Language.PYTHON, "scala", Language.SCALA, "kotlin", Language.KOTLIN, "javascript", Language.JAVASCRIPT,
      "typescript", Language.TYPESCRIPT, "c#", Language.CSHARP, "csharp", Language.CSHARP, "rust", Language.RUST,
      "go", Language.GO, "java", Language.JAVA);
  /** Deepest nesting of JSON a notebook may have; nbformat needs a handful of levels. */
  private static final int MAX_NOTEBOOK_NESTING = 64;

  private Sources() {}

  /** What a file is, by its name alone. */
  public enum Kind {
    /** Code in the language its extension names. */
    PLAIN,
    /** A script whose language its {@code #!} line gives. */
    SCRIPT,
    /** A Vue or Svelte component. */
    COMPONENT,
    /** A Makefile. */
    MAKEFILE,
    /** A Jupyter notebook. */
    NOTEBOOK,
    /** Documentation, data, or a language without rules. */
    OTHER
  }

  public static Kind kind(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (Language.of(path).isPresent()) {
      return Kind.PLAIN;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".ipynb")) {
      return Kind.NOTEBOOK;
    }
    if (lower.endsWith(".vue") || lower.endsWith(".svelte")) {
      return Kind.COMPONENT;
    }
    if (MAKEFILE.matcher(name).matches()) {
      return Kind.MAKEFILE;
    }
    if (name.indexOf('.') < 0) {
      return Kind.SCRIPT;
    }
    return Kind.OTHER;
  }

  /** Whether the file may hold code: known by its name, or to be read to tell. */
  public static boolean mayHoldCode(String path) {
    return kind(path) != Kind.OTHER;
  }

  /** The code in {@code content}, the text at head of {@code path}. */
  public static Result read(String path, String content) {
    return switch (kind(path)) {
      case PLAIN -> Result.of(Source.whole(Language.of(path).orElseThrow(), content));
      case SCRIPT -> interpreter(content).map(language -> Result.of(Source.whole(language, content))).orElse(Result.NONE);
      case COMPONENT -> Result.of(component(content));
      case MAKEFILE -> Result.of(makefile(content));
      case NOTEBOOK -> notebook(content);
      case OTHER -> Result.NONE;
    };
  }

  /** The code of a file, or why there is none to scan. */
  public record Result(Optional<Source> source, Optional<String> unscannable) {
    static final Result NONE = new Result(Optional.empty(), Optional.empty());

    static Result of(Source source) {
      return new Result(Optional.of(source), Optional.empty());
    }

    static Result unscannable(String reason) {
      return new Result(Optional.empty(), Optional.of(reason));
    }
  }

  /** The language a {@code #!} line names, by its interpreter (also through {@code env}). */
  public static Optional<Language> interpreter(String content) {
    if (!content.startsWith("#!")) {
      return Optional.empty();
    }
    int end = content.indexOf('\n');
    String line = (end < 0 ? content.substring(2) : content.substring(2, end)).strip();
    String[] words = line.split("\\s+");
    int i = 0;
    if (words.length > 0 && (words[0].endsWith("/env") || words[0].equals("env"))) {
      i = 1;
      while (i < words.length && (words[i].startsWith("-") || words[i].contains("="))) {
        i++;
      }
    }
    if (i >= words.length) {
      return Optional.empty();
    }
    String name = words[i].substring(words[i].lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    Language language = INTERPRETERS.get(name);
    if (language == null) {
      language = INTERPRETERS.get(VERSION_SUFFIX.matcher(name).replaceFirst(""));
    }
    return Optional.ofNullable(language);
  }

  /** The {@code <script>} blocks of a component, the rest blanked so that lines keep their numbers. */
  static Source component(String content) {
    char[] text = blank(content);
    boolean typescript = false;
    Matcher open = SCRIPT_OPEN.matcher(content);
    int from = 0;
    while (open.find(from)) {
      typescript |= TYPESCRIPT_ATTRIBUTE.matcher(open.group(1)).find();
      Matcher close = SCRIPT_CLOSE.matcher(content);
      boolean closed = close.find(open.end());
      int end = closed ? close.start() : content.length();
      content.getChars(open.end(), end, text, open.end());
      if (!closed) {
        break;
      }
      from = close.end();
    }
    return Source.whole(typescript ? Language.TYPESCRIPT : Language.JAVASCRIPT, new String(text));
  }

  /**
   * The recipe lines of a Makefile (those that start with a tab, and their continuations) and its
   * comments, as shell; targets and variable definitions are blanked.
   */
  static Source makefile(String content) {
    char[] text = blank(content);
    int start = 0;
    boolean continued = false;
    while (start < content.length()) {
      int end = start;
      while (end < content.length() && content.charAt(end) != '\n' && content.charAt(end) != '\r') {
        end++;
      }
      String line = content.substring(start, end);
      boolean recipe = continued || line.startsWith("\t");
      if (recipe || line.stripLeading().startsWith("#")) {
        line.getChars(0, line.length(), text, start);
      }
      continued = recipe && line.endsWith("\\");
      start = end < content.length() && content.startsWith("\r\n", end) ? end + 2 : end + 1;
    }
    return Source.whole(Language.SHELL, new String(text));
  }

  /** Every character of {@code content} as a space, line breaks kept. */
  private static char[] blank(String content) {
    char[] text = new char[content.length()];
    for (int i = 0; i < text.length; i++) {
      char c = content.charAt(i);
      text[i] = c == '\n' || c == '\r' ? c : ' ';
    }
    return text;
  }

  /**
   * The code cells of a notebook, one after the other with a blank line between them, each line
   * mapped to the line of the notebook whose JSON string holds it.
   */
  static Result notebook(String content) {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NOTEBOOK_NESTING).build())
        .build();
    List<Cell> cells = new ArrayList<>();
    String[] kernel = new String[1];
    try (JsonParser parser = factory.createParser(content)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Result.unscannable("notebook is not a JSON object");
      }
      walk(parser, "", cells, kernel, null);
    } catch (JsonProcessingException e) {
      return Result.unscannable("notebook is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      return Result.unscannable("notebook cannot be read: " + e.getMessage());
    }
    Language language = kernel[0] == null ? Language.PYTHON : KERNEL_LANGUAGES.get(kernel[0].toLowerCase(Locale.ROOT));
    if (language == null) {
      return Result.NONE;
    }
    StringBuilder text = new StringBuilder();
    List<Integer> lines = new ArrayList<>();
    for (Cell cell : cells) {
      if (!cell.code()) {
        continue;
      }
      for (Piece piece : cell.pieces()) {
        String value = piece.text();
        int at = 0;
        while (at < value.length()) {
          int newline = value.indexOf('\n', at);
          int end = newline < 0 ? value.length() : newline;
          text.append(value, at, end).append('\n');
          lines.add(piece.line());
          at = end + 1;
        }
      }
      text.append('\n');
      lines.add(0);
    }
    return Result.of(new Source(language, text.toString(), lines.stream().mapToInt(Integer::intValue).toArray()));
  }

  private record Piece(String text, int line) {}

  private record Cell(boolean code, List<Piece> pieces) {}

  /** Walks one JSON object or array whose start token the parser is on, collecting cells and the kernel's language. */
  private static void walk(JsonParser parser, String path, List<Cell> cells, String[] kernel, List<Piece> source) throws IOException {
    boolean object = parser.currentToken() == JsonToken.START_OBJECT;
    boolean cell = path.endsWith("cells[]") && object;
    String cellType = null;
    List<Piece> pieces = cell ? new ArrayList<>() : null;
    JsonToken token;
    while ((token = parser.nextToken()) != null && token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
      String name = "";
      if (object) {
        name = parser.currentName();
        token = parser.nextToken();
      }
      String child = object ? path + "." + name : path + "[]";
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        List<Piece> collect = cell && (name.equals("source") || name.equals("input")) ? pieces : source;
        walk(parser, child, cells, kernel, collect);
      } else if (token == JsonToken.VALUE_STRING) {
        if (cell && name.equals("cell_type")) {
          cellType = parser.getText();
        } else if (cell && (name.equals("source") || name.equals("input"))) {
          pieces.add(new Piece(parser.getText(), parser.currentTokenLocation().getLineNr()));
        } else if (source != null && !object) {
          source.add(new Piece(parser.getText(), parser.currentTokenLocation().getLineNr()));
        } else if (child.equals(".metadata.kernelspec.language") || (kernel[0] == null && child.equals(".metadata.language_info.name"))) {
          kernel[0] = parser.getText();
        }
      }
    }
    if (cell) {
      cells.add(new Cell("code".equals(cellType), pieces));
    }
  }
}

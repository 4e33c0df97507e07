package dev.claimaudit.lang;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The languages the scanner tells apart, each with the lexical syntax its lexer needs. */
public enum Language {
  JAVA(Syntax.C_LIKE, "java"),
  KOTLIN(Syntax.C_LIKE, "kt", "kts"),
  SCALA(Syntax.C_LIKE, "scala", "sc"),
  GROOVY(Syntax.C_LIKE, "groovy", "gradle"),
  JAVASCRIPT(Syntax.C_LIKE, "js", "jsx", "mjs", "cjs"),
  TYPESCRIPT(Syntax.C_LIKE, "ts", "tsx", "mts", "cts"),
  PYTHON(Syntax.HASH, "py", "pyi"),
  RUST(Syntax.C_LIKE, "rs"),
  GO(Syntax.C_LIKE, "go"),
  C(Syntax.C_LIKE, "c", "h"),
  CPP(Syntax.C_LIKE, "cc", "cpp", "cxx", "hpp", "hh", "hxx", "ipp", "inl"),
  CSHARP(Syntax.C_LIKE, "cs"),
  SWIFT(Syntax.C_LIKE, "swift"),
  DART(Syntax.C_LIKE, "dart"),
  RUBY(Syntax.HASH, "rb", "rake", "gemspec"),
  PHP(Syntax.C_LIKE, "php"),
  SHELL(Syntax.HASH, "sh", "bash", "zsh", "ksh", "bats"),
  ELIXIR(Syntax.HASH, "ex", "exs"),
  HASKELL(Syntax.DASH, "hs");

  /** How comments and strings are written. */
  public enum Syntax {
    /** {@code //} and {@code /* *}{@code /} comments; quotes as in C, plus each language's raw forms. */
    C_LIKE,
    /** {@code #} comments. */
    HASH,
    /** {@code --} line comments and nested {@code {- -}} block comments (Haskell). */
    DASH
  }

  private static final Map<String, Language> BY_EXTENSION = byExtension();
  private static final Map<String, Language> BY_NAME = Map.of("Rakefile", RUBY, "Gemfile", RUBY, "Jenkinsfile", GROOVY);

  private final Syntax syntax;
  private final String[] extensions;

  Language(Syntax syntax, String... extensions) {
    this.syntax = syntax;
    this.extensions = extensions;
  }

  public Syntax syntax() {
    return syntax;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The usual file extension, for examples and fixtures. */
  public String extension() {
    return extensions[0];
  }

  /**
   * Whether a value stands in for a type by having its methods rather than by declaring it:
   * Python protocols and duck typing, TypeScript's structural types, Go's implicit interfaces,
   * Ruby. A class with no declared base can be a fake here.
   */
  public boolean typedByShape() {
    return this == PYTHON || this == JAVASCRIPT || this == TYPESCRIPT || this == GO || this == RUBY;
  }

  public static Language parse(String id) {
    return valueOf(id.strip().toUpperCase(Locale.ROOT));
  }

  /** The language of a path by its extension or name; empty for docs, data and unknown files. */
  public static Optional<Language> of(String path) {
    int slash = path.lastIndexOf('/');
    String name = path.substring(slash + 1);
    Language named = BY_NAME.get(name);
    if (named != null) {
      return Optional.of(named);
    }
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)));
  }

  private static Map<String, Language> byExtension() {
    Map<String, Language> map = new java.util.HashMap<>();
    for (Language language : values()) {
      for (String extension : language.extensions) {
        map.put(extension, language);
      }
    }
    return Map.copyOf(map);
  }
}

package dev.claimaudit.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the lexer calls code, comment and string, language by language. */
class LexerTest {

  /** The texts of the maximal runs of {@code region}. */
  private static List<String> runs(Language language, String text, Region region) {
    return Lexer.lex(language, text).tokens().stream().filter(token -> token.region() == region).map(LexedText.Token::text).toList();
  }

  private static List<String> strings(Language language, String text) {
    return runs(language, text, Region.STRING);
  }

  private static List<String> comments(Language language, String text) {
    return runs(language, text, Region.COMMENT);
  }

  /** The region of the first character of the first occurrence of {@code needle}. */
  private static Region regionOf(Language language, String text, String needle) {
    LexedText lexed = Lexer.lex(language, text);
    int index = text.indexOf(needle);
    assertThat(index).as("%s occurs in the text", needle).isNotNegative();
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return lexed.regionAt(line, index - lineStart);
  }

  @Nested
  class Java {
    @Test
    void lineAndBlockCommentsAndStringsAndCharacters() {
      String code = "int a = 1; // one\n/* two\n lines */ String s = \"x // not a comment\"; char q = '\"';\n";
      assertThat(comments(Language.JAVA, code)).containsExactly("// one", "/* two\n lines */");
      assertThat(strings(Language.JAVA, code)).containsExactly("\"x // not a comment\"", "'\"'");
    }

    @Test
    void textBlocksSpanLinesAndKeepEscapedQuotes() {
      String code = "String s = \"\"\"\n  a \\\"\"\" still text\n  todo!()\n  \"\"\";\nint after;\n";
      assertThat(strings(Language.JAVA, code)).containsExactly("\"\"\"\n  a \\\"\"\" still text\n  todo!()\n  \"\"\"");
      assertThat(regionOf(Language.JAVA, code, "int after")).isEqualTo(Region.CODE);
    }

    @Test
    void anUnclosedStringEndsAtTheEndOfItsLine() {
      String code = "String s = \"open\nthrow new RuntimeException(\"x\");\n";
      assertThat(regionOf(Language.JAVA, code, "throw")).isEqualTo(Region.CODE);
    }

    @Test
    void blockCommentsDoNotNest() {
      String code = "/* a /* b */ int code; */\n";
      assertThat(regionOf(Language.JAVA, code, "int code")).isEqualTo(Region.CODE);
    }
  }

  @Nested
  class Kotlin {
    @Test
    void rawStringsTakeNoEscapesAndMayCloseWithExtraQuotes() {
      String code = "val s = \"\"\"C:\\path\\\"\"\"\"\nval t = TODO()\n";
      assertThat(strings(Language.KOTLIN, code)).containsExactly("\"\"\"C:\\path\\\"\"\"\"");
      assertThat(regionOf(Language.KOTLIN, code, "TODO()")).isEqualTo(Region.CODE);
    }

    @Test
    void interpolationIsCodeSoNestedQuotesDoNotEndTheString() {
      String code = "val s = \"${map[\"key\"]} TODO\"; val x = 1\n";
      assertThat(regionOf(Language.KOTLIN, code, "map[")).isEqualTo(Region.CODE);
      assertThat(regionOf(Language.KOTLIN, code, " TODO")).isEqualTo(Region.STRING);
      assertThat(regionOf(Language.KOTLIN, code, "val x")).isEqualTo(Region.CODE);
    }

    @Test
    void blockCommentsNest() {
      String code = "/* a /* b */ still comment */ val code = 1\n";
      assertThat(comments(Language.KOTLIN, code)).containsExactly("/* a /* b */ still comment */");
    }
  }

  @Nested
  class Scala {
    @Test
    void tripleQuotedStringsAndNestedComments() {
      String code = "/* a /* b */ c */ val s = \"\"\"x\\\"\"\" ; val u = ???\n";
      assertThat(comments(Language.SCALA, code)).containsExactly("/* a /* b */ c */");
      assertThat(strings(Language.SCALA, code)).containsExactly("\"\"\"x\\\"\"\"");
      assertThat(regionOf(Language.SCALA, code, "???")).isEqualTo(Region.CODE);
    }

    @Test
    void aSymbolLiteralIsNotACharacter() {
      assertThat(strings(Language.SCALA, "val s = 'sym; val c = 'c'\n")).containsExactly("'c'");
    }
  }

  @Nested
  class Groovy {
    @Test
    void singleAndTripleQuotedStrings() {
      String code = "def a = 'it\\'s'; def b = '''x\ny'''; def c = \"${d['k']}\"\n";
      assertThat(strings(Language.GROOVY, code)).contains("'it\\'s'", "'''x\ny'''");
      assertThat(regionOf(Language.GROOVY, code, "d['k']")).isEqualTo(Region.CODE);
    }
  }

  @Nested
  class Dart {
    @Test
    void rawStringsTakeNoEscapes() {
      String code = "var p = r'C:\\'; var q = 'a\\'b'; throw UnimplementedError();\n";
      assertThat(strings(Language.DART, code)).containsExactly("'C:\\'", "'a\\'b'");
      assertThat(regionOf(Language.DART, code, "throw")).isEqualTo(Region.CODE);
    }
  }

  @Nested
  class JavaScript {
    @Test
    void templateLiteralsSpanLinesAndInterpolateCode() {
      String code = "const s = `a ${f(`inner ${g('}')}`)} b\nTODO`;\nthrow new Error('x');\n";
      assertThat(regionOf(Language.JAVASCRIPT, code, "f(")).isEqualTo(Region.CODE);
      assertThat(regionOf(Language.JAVASCRIPT, code, "inner")).isEqualTo(Region.STRING);
      assertThat(regionOf(Language.JAVASCRIPT, code, "TODO")).isEqualTo(Region.STRING);
      assertThat(regionOf(Language.JAVASCRIPT, code, "throw")).isEqualTo(Region.CODE);
    }

    @Test
    void regexLiteralsAreNotCommentsOrStrings() {
      String code = "const r = /\\/*[\"']/g; const d = a / b / c; xit('x')\n";
      assertThat(strings(Language.JAVASCRIPT, code)).containsExactly("/\\/*[\"']/", "'x'");
      assertThat(comments(Language.JAVASCRIPT, code)).isEmpty();
    }

    @Test
    void aJsxClosingTagIsNotARegex() {
      String code = "const el = <p>{x}</p>; // TODO\n";
      assertThat(comments(Language.JAVASCRIPT, code)).containsExactly("// TODO");
    }
  }

  @Nested
  class TypeScript {
    @Test
    void quotesAndComments() {
      String code = "const s: string = \"todo!()\"; /** doc */ let t = 'a\\'b';\n";
      assertThat(strings(Language.TYPESCRIPT, code)).containsExactly("\"todo!()\"", "'a\\'b'");
      assertThat(comments(Language.TYPESCRIPT, code)).containsExactly("/** doc */");
    }
  }

  @Nested
  class Python {
    @Test
    void docstringsAreCommentsAndOtherTripleQuotedStringsAreStrings() {
      String code = "def f():\n    \"\"\"TODO: document.\n    raise NotImplementedError\n    \"\"\"\n    s = '''raise NotImplementedError'''\n";
      assertThat(comments(Language.PYTHON, code)).containsExactly("\"\"\"TODO: document.\n    raise NotImplementedError\n    \"\"\"");
      assertThat(strings(Language.PYTHON, code)).containsExactly("'''raise NotImplementedError'''");
    }

    @Test
    void prefixedDocstringsAndEscapedQuotesInTripleQuotes() {
      String code = "r\"\"\"a \\\"\"\" b\"\"\"\nx = 1\n";
      assertThat(comments(Language.PYTHON, code)).containsExactly("\"\"\"a \\\"\"\" b\"\"\"");
      assertThat(regionOf(Language.PYTHON, code, "x = 1")).isEqualTo(Region.CODE);
    }

    @Test
    void hashStartsACommentOutsideStringsOnly() {
      String code = "s = \"# not a comment\"  # a comment\n";
      assertThat(comments(Language.PYTHON, code)).containsExactly("# a comment");
    }

    @Test
    void anUnclosedSingleQuoteEndsAtTheEndOfItsLine() {
      String code = "s = 'open\nraise NotImplementedError\n";
      assertThat(regionOf(Language.PYTHON, code, "raise")).isEqualTo(Region.CODE);
    }
  }

  @Nested
  class Rust {
    @Test
    void rawStringsWithHashesHoldQuotes() {
      String code = "let s = r#\"a \"todo!()\" b\"#; todo!()\n";
      assertThat(strings(Language.RUST, code)).containsExactly("\"a \"todo!()\" b\"#");
      assertThat(code.lastIndexOf("todo!()")).isGreaterThan(code.indexOf("\"#"));
      LexedText lexed = Lexer.lex(Language.RUST, code);
      assertThat(lexed.regionAt(1, code.lastIndexOf("todo!()"))).isEqualTo(Region.CODE);
    }

    @Test
    void lifetimesAreCodeAndCharactersAreStrings() {
      String code = "fn f<'a>(x: &'a str) -> char { let q = '\"'; let e = '\\''; 'x' }\n";
      assertThat(strings(Language.RUST, code)).containsExactly("'\"'", "'\\''", "'x'");
    }

    @Test
    void stringsMaySpanLinesAndBlockCommentsNest() {
      String code = "let s = \"line one\nline two\"; /* a /* b */ c */ let x = 1;\n";
      assertThat(strings(Language.RUST, code)).containsExactly("\"line one\nline two\"");
      assertThat(comments(Language.RUST, code)).containsExactly("/* a /* b */ c */");
    }

    @Test
    void byteRawStrings() {
      assertThat(strings(Language.RUST, "let b = br\"\\\"; ok\n")).containsExactly("\"\\\"");
    }
  }

  @Nested
  class Go {
    @Test
    void backtickStringsAreRawAndSpanLines() {
      String code = "s := `C:\\` + \"a\\\"b\" // c\nr := 'x'\nq := `a\nb`\n";
      assertThat(strings(Language.GO, code)).containsExactly("`C:\\`", "\"a\\\"b\"", "'x'", "`a\nb`");
      assertThat(comments(Language.GO, code)).containsExactly("// c");
    }
  }

  @Nested
  class C {
    @Test
    void charactersStringsAndLineContinuations() {
      String code = "char c = '\\''; const char *s = \"a\\\nb\"; /* c */\n#include \"x.h\"\n";
      assertThat(strings(Language.C, code)).containsExactly("'\\''", "\"a\\\nb\"", "\"x.h\"");
      assertThat(comments(Language.C, code)).containsExactly("/* c */");
    }
  }

  @Nested
  class Cpp {
    @Test
    void rawStringsWithDelimiters() {
      String code = "auto s = R\"xy(a )\" b)xy\"; auto t = u8R\"(q)\"; int n = 1'000'000;\n";
      assertThat(strings(Language.CPP, code)).containsExactly("\"xy(a )\" b)xy\"", "\"(q)\"");
      assertThat(regionOf(Language.CPP, code, "int n")).isEqualTo(Region.CODE);
    }
  }

  @Nested
  class CSharp {
    @Test
    void verbatimStringsKeepBackslashesAndDoubleQuotes() {
      String code = "var p = @\"C:\\dir\\\"\"q\"\"\"; var t = 1;\n";
      assertThat(strings(Language.CSHARP, code)).containsExactly("\"C:\\dir\\\"\"q\"\"\"");
      assertThat(regionOf(Language.CSHARP, code, "var t")).isEqualTo(Region.CODE);
    }

    @Test
    void interpolatedVerbatimStringsInEitherOrder() {
      String code = "var a = $@\"C:\\{x}\\\"; var b = @$\"D:\\\"; var c = 2;\n";
      assertThat(regionOf(Language.CSHARP, code, "var b")).isEqualTo(Region.CODE);
      assertThat(regionOf(Language.CSHARP, code, "var c")).isEqualTo(Region.CODE);
    }

    @Test
    void interpolationHoldsCodeAndDoubledBracesAreText() {
      String code = "var s = $\"{{not code}} {d[\"k\"]} done\"; var x = 1;\n";
      assertThat(regionOf(Language.CSHARP, code, "not code")).isEqualTo(Region.STRING);
      assertThat(regionOf(Language.CSHARP, code, "d[")).isEqualTo(Region.CODE);
      assertThat(regionOf(Language.CSHARP, code, "var x")).isEqualTo(Region.CODE);
    }

    @Test
    void rawStringLiterals() {
      String code = "var j = \"\"\"\n  {\"a\": \"b\"}\n  \"\"\";\nvar k = 1;\n";
      assertThat(strings(Language.CSHARP, code)).containsExactly("\"\"\"\n  {\"a\": \"b\"}\n  \"\"\"");
    }
  }

  @Nested
  class Swift {
    @Test
    void rawStringsAndMultiLineStrings() {
      String code = "let r = #\"a \"quoted\" \\(x)\"#\nlet m = \"\"\"\n  fatalError(\"x\")\n  \"\"\"\nfatalError(\"y\")\n";
      assertThat(strings(Language.SWIFT, code)).containsExactly("\"a \"quoted\" \\(x)\"#", "\"\"\"\n  fatalError(\"x\")\n  \"\"\"", "\"y\"");
    }

    @Test
    void interpolationHoldsCode() {
      String code = "let s = \"value \\(dict[\"k\"]) TODO\"; let y = 1\n";
      assertThat(regionOf(Language.SWIFT, code, "dict")).isEqualTo(Region.CODE);
      assertThat(regionOf(Language.SWIFT, code, " TODO")).isEqualTo(Region.STRING);
      assertThat(regionOf(Language.SWIFT, code, "let y")).isEqualTo(Region.CODE);
    }

    @Test
    void blockCommentsNest() {
      assertThat(comments(Language.SWIFT, "/* a /* b */ c */ let x = 1\n")).containsExactly("/* a /* b */ c */");
    }
  }

  @Nested
  class Ruby {
    @Test
    void beginEndBlockComments() {
      String code = "x = 1\n=begin\nraise NotImplementedError\n=end\ny = 2\n";
      assertThat(comments(Language.RUBY, code)).containsExactly("=begin\nraise NotImplementedError\n=end");
      assertThat(regionOf(Language.RUBY, code, "y = 2")).isEqualTo(Region.CODE);
    }

    @Test
    void interpolationAndPercentLiterals() {
      String code = "s = \"#{h[\"k\"]} # not a comment\" # comment\nw = %w(a b) # c\n";
      assertThat(comments(Language.RUBY, code)).containsExactly("# comment", "# c");
      assertThat(regionOf(Language.RUBY, code, "h[")).isEqualTo(Region.CODE);
    }

    @Test
    void heredocsAreStrings() {
      String code = "sql = <<~SQL.strip\n  -- TODO\n  SELECT 1 # x\nSQL\nraise NotImplementedError\n";
      assertThat(strings(Language.RUBY, code)).containsExactly("\n  -- TODO\n  SELECT 1 # x\nSQL".substring(1));
      assertThat(comments(Language.RUBY, code)).isEmpty();
      assertThat(regionOf(Language.RUBY, code, "raise")).isEqualTo(Region.CODE);
    }

    @Test
    void appendIsNotAHeredoc() {
      String code = "items << item # note\n";
      assertThat(comments(Language.RUBY, code)).containsExactly("# note");
    }
  }

  @Nested
  class Php {
    @Test
    void hashAndSlashCommentsButNotAttributes() {
      String code = "#[Test]\n$a = 1; # one\n$b = 2; // two\n";
      assertThat(comments(Language.PHP, code)).containsExactly("# one", "// two");
    }

    @Test
    void heredocsAndNowdocs() {
      String code = "$s = <<<'EOT'\n  throw new Exception('not implemented');\n  EOT;\n$t = <<<EOT\n# x\nEOT;\n$u = 1;\n";
      assertThat(comments(Language.PHP, code)).isEmpty();
      assertThat(regionOf(Language.PHP, code, "throw")).isEqualTo(Region.STRING);
      assertThat(regionOf(Language.PHP, code, "$u")).isEqualTo(Region.CODE);
    }
  }

  @Nested
  class Shell {
    @Test
    void hashStartsACommentOnlyAtTheStartOfAWord() {
      String code = "echo $# ${#arr[@]} a#b # comment\nx=1;# also\n";
      assertThat(comments(Language.SHELL, code)).containsExactly("# comment", "# also");
    }

    @Test
    void singleQuotesTakeNoEscapes() {
      String code = "echo 'a\\' # comment\necho don\\'t # two\n";
      assertThat(strings(Language.SHELL, code)).containsExactly("'a\\'");
      assertThat(comments(Language.SHELL, code)).containsExactly("# comment", "# two");
    }

    @Test
    void commandSubstitutionInDoubleQuotesHoldsCode() {
      String code = "echo \"$(basename \"$0\") # x\" # y\n";
      assertThat(comments(Language.SHELL, code)).containsExactly("# y");
      assertThat(regionOf(Language.SHELL, code, "basename")).isEqualTo(Region.CODE);
    }

    @Test
    void heredocsAreStrings() {
      String code = "cat <<-'EOF' > out\n\tdon't # TODO\n\tEOF\necho done # end\n";
      assertThat(comments(Language.SHELL, code)).containsExactly("# end");
      assertThat(regionOf(Language.SHELL, code, "don't")).isEqualTo(Region.STRING);
    }
  }

  @Nested
  class Elixir {
    @Test
    void heredocsSigilsAndCharacterLiterals() {
      String code = "@doc \"\"\"\nraise \"not implemented\"\n\"\"\"\nc = ?#\nr = ~r/#x/\nraise \"todo\" # end\n";
      assertThat(comments(Language.ELIXIR, code)).containsExactly("# end");
      assertThat(regionOf(Language.ELIXIR, code, "raise \"todo\"")).isEqualTo(Region.CODE);
    }
  }

  @Test
  void anEmptyTextHasNoTokens() {
    assertThat(Lexer.lex(Language.JAVA, "").tokens()).isEmpty();
  }
}

package dev.claimaudit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.git.AddedLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddedWordsTest {

  private static List<AddedLine> lines(String... texts) {
    return java.util.stream.IntStream.range(0, texts.length).mapToObj(i -> new AddedLine(i + 1, texts[i])).toList();
  }

  @Test
  void aNameIsLookedUpByItsWordsInTheFirstFilesThatAddThem() {
    AddedWords words = new AddedWords(true);
    AddedWords.Table first = words.newTable();
    AddedWords.Table second = words.newTable();
    first.add(3, lines("class Parser {", "  int parseHeader() { return 0; }"), line -> {});
    second.add(1, lines("Parser.parseHeader();"), line -> {});
    first.add(7, lines("$store.reset()"), line -> {});

    assertThat(words.firstFileFor("Parser")).isEqualTo(1);
    assertThat(words.firstFileFor("parseHeader()")).isEqualTo(1);
    assertThat(words.firstFileFor("Parser::parseHeader")).isEqualTo(1);
    assertThat(words.firstFileFor("$store")).as("a leading $ is not part of the word").isEqualTo(7);
    assertThat(words.firstFileFor("Pars")).as("only whole words count").isEqualTo(-1);
    assertThat(words.firstFileFor("Lexer")).isEqualTo(-1);
    assertThat(words.firstFileFor("store.reset")).as("not before the file that adds its last word").isEqualTo(7);
    assertThat(words.firstFileFor("Parser.retries")).as("a word of it never added").isEqualTo(-1);
  }

  @Test
  void aTableTellsWhenLinesFirstGiveItAWatchedWord() {
    AddedWords words = new AddedWords(true, java.util.Set.of("parse_header", "Parser"));
    AddedWords.Table table = words.newTable();

    assertThat(table.add(0, lines("int unrelated = 1;"), line -> {})).isFalse();
    assertThat(table.add(1, lines("def parse_header(raw):"), line -> {})).isTrue();
    assertThat(table.add(2, lines("parse_header(x)", "class ParserState:"), line -> {})).as("seen already; ParserState is another word")
        .isFalse();
    assertThat(table.add(3, lines("y = 2", "Parser()"), line -> {})).isTrue();
    assertThat(words.newTable().add(4, lines("Parser()"), line -> {})).as("each table for itself").isTrue();
  }

  @Test
  void answersZeroWhenItCannotTell() {
    AddedWords unrecorded = new AddedWords(false);
    assertThat(unrecorded.firstFileFor("Parser")).isZero();

    AddedWords words = new AddedWords(true);
    List<String> outside = new java.util.ArrayList<>();
    words.newTable().add(0, lines("x".repeat(AddedWords.MAX_WORD + 1) + " y", "x".repeat(AddedWords.MAX_WORD) + " y", "caf\u00e9 = 1",
        "plain_words only"), outside::add);
    assertThat(outside).as("the lines with what the table cannot stand for")
        .containsExactly("x".repeat(AddedWords.MAX_WORD + 1) + " y", "caf\u00e9 = 1");
    assertThat(words.firstFileFor("x".repeat(AddedWords.MAX_WORD + 1))).as("words too long to record").isZero();
    assertThat(words.firstFileFor("::")).as("no word in the name").isZero();
    assertThat(words.firstFileFor("y")).isZero();
  }

  @Test
  void holdsManyWordsWithTheirFirstFile() {
    AddedWords words = new AddedWords(true);
    AddedWords.Table table = words.newTable();
    for (int file = 0; file < 50; file++) {
      for (int word = 0; word < 1000; word++) {
        table.add(file, lines("w" + (file * 1000 + word) + " shared" + word), line -> {});
      }
    }

    assertThat(words.firstFileFor("w0")).isZero();
    assertThat(words.firstFileFor("w49999")).isEqualTo(49);
    assertThat(words.firstFileFor("shared999")).isZero();
    assertThat(words.firstFileFor("w50000")).isEqualTo(-1);
  }
}

package dev.claimaudit.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the scanner reads as code in files whose code sits in another format or whose name does not tell. */
class SourcesTest {

  @ParameterizedTest
  @CsvSource({
      "'#!/bin/sh', shell",
      "'#!/usr/bin/env bash', shell",
      "'#!/usr/bin/env python3.12', python",
      "'#!/usr/bin/python3 -u', python",
      "'#!/usr/bin/env -S node --no-warnings', javascript",
      "'#!/usr/bin/env -S deno run --allow-read', typescript",
      "'#!/usr/bin/env ruby', ruby",
      "'#!/usr/bin/env bats', shell"})
  void aScriptWithoutAnExtensionIsReadInTheLanguageOfItsInterpreter(String shebang, String language) {
    Sources.Result read = Sources.read("bin/tool", shebang + "\necho hi\n");

    assertThat(read.source()).map(Source::language).hasValue(Language.parse(language));
  }

  @Test
  void aScriptWhoseInterpreterHasNoRulesHoldsNothingToScan() {
    assertThat(Sources.read("bin/report", "#!/usr/bin/env perl\nprint 1;\n").source()).isEmpty();
    assertThat(Sources.read("bin/report", "no interpreter line\n").source()).isEmpty();
  }

  @Test
  void onlyTheScriptBlocksOfAComponentAreCodeAndTheyKeepTheirLineNumbers() {
    String component = """
        <template><p>not implemented</p></template>
        <script lang="ts">
        export const total = (n: number) => n;
        </script>
        <style>p { color: red }</style>
        """;

    Source source = Sources.read("ui/Total.vue", component).source().orElseThrow();

    assertThat(source.language()).isEqualTo(Language.TYPESCRIPT);
    assertThat(source.text().lines().map(String::strip).toList()).containsExactly(
        "", "", "export const total = (n: number) => n;", "", "");
    assertThat(source.sameLines()).isTrue();
  }

  @Test
  void aMakefileIsShellInItsRecipesAndCommentsOnly() {
    String makefile = "VERSION := $(shell git describe)\nbuild:\n\tcc -o app \\\n  main.c\n# a comment\nclean:\n\trm -f app\n";

    Source source = Sources.read("Makefile", makefile).source().orElseThrow();

    assertThat(source.language()).isEqualTo(Language.SHELL);
    assertThat(source.text().lines().map(String::strip).toList())
        .containsExactly("", "", "cc -o app \\", "main.c", "# a comment", "", "rm -f app");
  }

  @Test
  void aNotebooksCodeCellsAreReadAndEachLineMapsToTheNotebookLineThatHoldsIt() {
    String notebook = """
        {"cells": [
          {"cell_type": "markdown", "source": ["raise NotImplementedError\\n"]},
          {"cell_type": "code", "source": [
            "x = 1\\n",
            "raise NotImplementedError\\n"
          ]},
          {"cell_type": "code", "source": "a = 1\\nb = 2"}
        ],
         "metadata": {"kernelspec": {"language": "python"}}}
        """;

    Source source = Sources.read("notes/analysis.ipynb", notebook).source().orElseThrow();

    assertThat(source.language()).isEqualTo(Language.PYTHON);
    assertThat(source.text().lines().toList()).containsExactly("x = 1", "raise NotImplementedError", "", "a = 1", "b = 2", "");
    assertThat(source.fileLine(1)).isEqualTo(4);
    assertThat(source.fileLine(2)).isEqualTo(5);
    assertThat(source.fileLine(3)).isZero();
    assertThat(source.fileLine(4)).isEqualTo(7);
    assertThat(source.fileLine(5)).isEqualTo(7);
  }

  @Test
  void aNotebookThatIsNotJsonSaysWhyItWasNotScanned() {
    Sources.Result read = Sources.read("notes/broken.ipynb", "{\"cells\": [");

    assertThat(read.source()).isEmpty();
    assertThat(read.unscannable()).hasValueSatisfying(reason -> assertThat(reason).startsWith("notebook is not valid JSON"));
  }

  @Test
  void aNotebookInALanguageWithoutRulesHoldsNothingToScan() {
    Sources.Result read = Sources.read("notes/plot.ipynb", "{\"cells\": [], \"metadata\": {\"kernelspec\": {\"language\": \"R\"}}}");

    assertThat(read.source()).isEmpty();
    assertThat(read.unscannable()).isEmpty();
  }

  @Test
  void docsAndDataAreNotRead() {
    assertThat(Sources.kind("README.md")).isEqualTo(Sources.Kind.OTHER);
    assertThat(Sources.kind("data/rows.csv")).isEqualTo(Sources.Kind.OTHER);
    assertThat(Sources.read("README.md", "raise NotImplementedError\n").source()).isEqualTo(Optional.empty());
  }
}

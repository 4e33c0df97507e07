package dev.claimaudit.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureTest {
  private static final List<String> TODO = List.of("todo!");

  @Test
  void identifiersNumbersAndStringsAreFoldedSoTheSameMistakeMatchesAcrossFilesAndNames() {
    assertThat(Signature.normalise("let users = todo!();", TODO)).isEqualTo("let _ = todo ! ( )");
    assertThat(Signature.normalise("    let orders   =  todo!( );", TODO)).isEqualTo("let _ = todo ! ( )");
    assertThat(Signature.normalise("raise NotImplementedError(\"export users\")", List.of("notimplemented")))
        .isEqualTo(Signature.normalise("raise NotImplementedError('load the \\'orders\\'')", List.of("notimplemented")))
        .isEqualTo("raise notimplementederror ( S )");
    assertThat(Signature.normalise("assert total == total", List.of())).isEqualTo(Signature.normalise("assert n == n", List.of()));
    assertThat(Signature.normalise("timeout = 30 # TODO: make it configurable", List.of("todo")))
        .isEqualTo(Signature.normalise("retries = 3  # TODO: tune", List.of("todo")))
        .isEqualTo("_ = N # todo : _");
    assertThat(Signature.normalise("x = 0x1F", List.of())).isEqualTo("_ = N");
  }

  @Test
  void differentShapesStayApart() {
    assertThat(Signature.of("rs-todo-macro", Signature.normalise("let users = todo!();", TODO)))
        .isNotEqualTo(Signature.of("rs-todo-macro", Signature.normalise("todo!()", TODO)))
        .isNotEqualTo(Signature.of("rs-unimplemented-macro", Signature.normalise("let users = todo!();", TODO)));
    assertThat(Signature.of("rs-todo-macro", "x")).matches("[0-9a-f]{16}");
  }

  @Test
  void aFindingWithoutASnippetIsItsRuleAlone() {
    assertThat(Signature.normalise(null, List.of())).isEmpty();
  }

  @Test
  void anUnterminatedStringOrAHugeLineDoesNotBreakNormalisation() {
    assertThat(Signature.normalise("panic(\"not implemented", List.of("panic"))).isEqualTo("panic ( S");
    assertThat(Signature.normalise("a".repeat(100_000), List.of())).isEqualTo("_");
  }
}

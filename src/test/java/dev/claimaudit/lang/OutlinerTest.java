package dev.claimaudit.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.lang.Outline.Block;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The blocks around a line, per language: the source, the line marked {@code <<}, and the names
 * of the blocks that hold it, outermost first.
 */
class OutlinerTest {

  /** The names around the line that holds {@code <<}, which is removed before the text is outlined. */
  private static List<String> around(Language language, String marked) {
    String[] lines = marked.split("\n", -1);
    int target = 0;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("<<")) {
        target = i + 1;
        lines[i] = lines[i].replace("<<", "");
      }
    }
    String text = String.join("\n", lines);
    return Outliner.outline(language, Lexer.lex(language, text)).enclosing(target).stream().map(Block::name).toList();
  }

  @Test
  void javaMethodsInsideTheirClass() {
    assertThat(around(Language.JAVA, """
        /** Loads {@code x} { braces in a comment }. */
        public class OpenAiClient implements LlmClient {
          @Override
          public List<Result> generate(Prompt... prompts) throws IOException {
            if (prompts.length == 0) {
              throw new IllegalStateException("empty"); <<
            }
            return List.of();
          }
        }
        """)).containsExactly("OpenAiClient", "generate");
  }

  @Test
  void rustFunctionsInsideTheTypeTheyImplement() {
    assertThat(around(Language.RUST, """
        impl Introspector for BundleIntrospector {
            fn query(&self, selector: &Selector) -> EcoVec<Content> {
                todo!() <<
            }
        }
        fn iter(&self) -> impl Iterator<Item = u32> + '_ {
            self.items.iter()
        }
        """)).containsExactly("BundleIntrospector", "query");
  }

  @Test
  void aFunctionReturningImplTraitIsNotAType() {
    assertThat(around(Language.RUST, """
        fn iter(&self) -> impl Iterator<Item = u32> + '_ {
            self.items.drain(..).map(|x| { x + 1 }) <<
        }
        """)).containsExactly("iter");
  }

  @Test
  void goMethodsAreNamedWithTheirReceiver() {
    assertThat(around(Language.GO, """
        func (t *fakeTensor) Floats() []float32 {
        \tpanic("not implemented") <<
        }
        """)).containsExactly("fakeTensor.Floats");
  }

  @Test
  void javascriptTestsAreNamedByTheirDescription() {
    assertThat(around(Language.TYPESCRIPT, """
        describe("interceptor", () => {
          it.only("keeps the tool name", async () => {
            expect(parse("x")).toBe(1); <<
          });
        });
        """)).containsExactly("interceptor", "keeps the tool name");
  }

  @Test
  void javascriptClassMethodsAndArrowFunctions() {
    assertThat(around(Language.JAVASCRIPT, """
        export class Store {
          async load(id) {
            return this.items[id]
          }
        }
        export const renderAuthor = (author) => {
          throw new Error("not implemented") <<
        }
        """)).containsExactly("renderAuthor");
  }

  @Test
  void pythonBlocksFollowIndentationAcrossAWrappedSignature() {
    assertThat(around(Language.PYTHON, """
        class EventStore(ABC):
            @abstractmethod
            async def store_event(
                self, stream_id: str
            ) -> str:
                \"\"\"Stores an event.\"\"\"
                raise NotImplementedError <<
        """)).containsExactly("EventStore", "store_event");
  }

  @Test
  void pythonDecoratorsAreTheFunctionsAnnotations() {
    Outline outline = Outliner.outline(Language.PYTHON, Lexer.lex(Language.PYTHON, """
        class Shape:
            @abstractmethod
            def area(self):
                raise NotImplementedError
        """));

    assertThat(outline.innermost(4, Outline.Kind.FUNCTION).annotations()).containsExactly("@abstractmethod");
  }

  @Test
  void kotlinExpressionBodiesSpanTheLinesIndentedUnderThem() {
    assertThat(around(Language.KOTLIN, """
        interface LlmClient {
            suspend fun choices(prompt: Prompt): List<Choice> =
                throw UnsupportedOperationException("Not implemented for this client") <<
        }
        """)).containsExactly("LlmClient", "choices");
  }

  @Test
  void aCallWithATrailingLambdaIsNotAFunctionDeclaration() {
    assertThat(around(Language.KOTLIN, """
        fun readAll(parts: List<Part>) {
            repeat(parts.size) {
                TODO() <<
            }
        }
        """)).containsExactly("readAll");
  }

  @Test
  void anUnclosedBlockEndsWithTheFile() {
    assertThat(around(Language.JAVA, """
        class Broken {
          void half() {
            throw new UnsupportedOperationException(); <<
        """)).containsExactly("Broken", "half");
  }

  @Test
  void aSemicolonInsideBracketsDoesNotCutTheSignature() {
    assertThat(around(Language.RUST, """
        impl ColorEncode for ColorSpace {
            fn encode(&self, color: Color) -> [f32; 4] {
                unimplemented!("always converted first") <<
            }
        }
        """)).containsExactly("ColorSpace", "encode");
  }

  @Test
  void aLongSignatureIsReadWhole() {
    String parameters = "    p%d: Option<String>,\n".repeat(40).formatted(java.util.stream.IntStream.range(0, 40).boxed().toArray());
    assertThat(around(Language.RUST, "pub(crate) async fn add(\n" + parameters + ") -> Result<ExitStatus> {\n    todo!() <<\n}\n"))
        .containsExactly("add");
  }

  @Test
  void anImplTraitWrappedIntoAReturnTypeIsNotAType() {
    assertThat(around(Language.RUST, """
        fn all_field_tys(
            self,
        ) -> EarlyBinder<
            impl IntoIterator<Item = Ty>,
        > {
            todo!() <<
        }
        """)).containsExactly("all_field_tys");
  }

  @Test
  void anObjectTypeAfterTheParametersIsPartOfTheSignature() {
    assertThat(around(Language.TYPESCRIPT, """
        function convertStates(
          message: ChatMessage,
        ): { user: string; assistant: string } {
          throw new Error("Function not implemented."); <<
        }
        """)).containsExactly("convertStates");
  }

  @Test
  void anAnnotationBelongsToTheDeclarationBelowIt() {
    assertThat(around(Language.JAVA, """
        class PaymentIT {
          @Disabled <<
          @Test
          void pays() {
          }
        }
        """)).containsExactly("PaymentIT", "pays");
  }

  @Test
  void aWordThatStartsLikeAKeywordIsNotOne() {
    assertThat(around(Language.TYPESCRIPT, """
        describe.skip("Tool preprocess functions", () => { <<
        });
        """)).containsExactly("Tool preprocess functions");
  }
}

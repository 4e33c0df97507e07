package dev.claimaudit.checks.placeholder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimaudit.checks.CodeReason;
import dev.claimaudit.checks.Finding;
import dev.claimaudit.checks.PathFilter;
import dev.claimaudit.rules.CatalogLoader;
import dev.claimaudit.git.AddedLine;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Code that reads like a placeholder and is not one, and code that is one: the file, what the
 * scan reports, and the symbol the finding sits in.
 */
class LookAlikeTest {
  private final PlaceholderScanner scanner = new PlaceholderScanner(new CatalogLoader().builtIn(), PathFilter.defaults());

  private List<Finding> scan(String path, String content) {
    return scanner.scanText(path, content);
  }

  @Test
  void anAbstractMethodIsAContractNotAStub() {
    assertThat(scan("src/shapes.py", """
        class Shape:
            @abstractmethod
            def area(self):
                raise NotImplementedError
        """)).isEmpty();
  }

  @Test
  void anInterfaceDefaultMethodIsAContract() {
    assertThat(scan("src/main/kotlin/Client.kt", """
        interface Client {
            fun choices(prompt: String): List<String> =
                throw UnsupportedOperationException("not implemented for this client")
        }
        """)).isEmpty();
  }

  @Test
  void aBaseMethodThatTheSubclassesOfTheFileOverrideIsADefault() {
    assertThat(scan("src/evaluators.py", """
        class Evaluator:
            def __call__(self, trace):
                raise NotImplementedError

        class StringEvaluator(Evaluator):
            def __call__(self, trace):
                return trace.answer == self.expected
        """)).isEmpty();
  }

  @Test
  void siblingImplementationsOfOneTraitAreNotOverrides() {
    assertThat(scan("src/format.rs", """
        impl Format for Union {
            fn fmt(&self) -> String {
                todo!()
            }
        }
        impl Format for Tuple {
            fn fmt(&self) -> String {
                self.items.join(", ")
            }
        }
        """)).extracting(Finding::symbol).containsExactly("Union › fmt");
  }

  @Test
  void aFakeDeclaredInsideATestIsADouble() {
    assertThat(scan("src/test/kotlin/CallTest.kt", """
        class CallTest {
            @Test
            fun compiles() {
                val call = object : Call {
                    override fun tag(): String = TODO()
                }
            }
        }
        """)).isEmpty();
  }

  @Test
  void aStubInTheTestItselfIsReported() {
    assertThat(scan("tests/parse.rs", """
        #[test]
        fn parses_nested() {
            todo!()
        }
        """)).extracting(Finding::symbol).containsExactly("parses_nested");
  }

  @Test
  void aPrivateConstructorThatThrowsGuardsAUtilityClass() {
    assertThat(scan("src/main/java/Keys.java", """
        final class Keys {
          private Keys() {
            throw new UnsupportedOperationException("not implemented: utility class");
          }
        }
        """)).isEmpty();
  }

  @Test
  void aStubMarkedUnusedOwnsUpToNotBeingCalledYet() {
    assertThat(scan("src/bundle.rs", """
        #[expect(unused)]
        impl Exporter for Bundle {
            fn export(&self) -> Vec<u8> {
                todo!()
            }
        }
        """)).extracting(Finding::reason).containsExactly(CodeReason.ADMITTED);
  }

  @Test
  void aSuppressionOnALookAlikeIsStillReported() {
    assertThat(scan("src/backends.py", """
        class Backend:
            def put(self, key):
                # claim-audit: allow(py-raise-not-implemented) every backend overrides it
                raise NotImplementedError

        class DiskBackend(Backend):
            def put(self, key):
                self.write(key)
        """)).extracting(Finding::suppressed).containsExactly(true);
  }

  @Test
  void aClassOfAPythonTestFileIsAFakeOfWhateverHasItsMethods() {
    assertThat(scan("tests/test_auth.py", """
        class InMemoryStorage:
            async def get_tokens(self):
                return self.tokens

            async def get_client_info(self):
                raise NotImplementedError

        def test_exchange():
            assert exchange(InMemoryStorage()) == "token"
        """)).isEmpty();
  }

  @Test
  void aPlainClassOfAJavaTestFileStandsInForNothing() {
    assertThat(scan("src/test/java/ImportTest.java", """
        class Rows {
          int count() {
            throw new UnsupportedOperationException("not implemented");
          }
        }
        """)).extracting(Finding::symbol).containsExactly("Rows › count");
  }

  @Test
  void aHelperOfATestClassIsNotADouble() {
    assertThat(scan("src/test/java/ChatModelIT.java", """
        class ChatModelIT extends AbstractChatModelIT {
          @Override
          protected Model createModelWith(Listener listener) {
            return null; // TODO implement
          }
        }
        """)).extracting(Finding::symbol).containsExactly("ChatModelIT › createModelWith");
  }

  @Test
  void aStubInExampleCodeIsAHookForItsReader() {
    assertThat(scan("examples/clients/identity_client.py", """
        def fetch_assertion(token):
            raise NotImplementedError("Obtain the assertion from your identity provider")
        """)).isEmpty();
    assertThat(scan("src/clients/identity_client.py", """
        def fetch_assertion(token):
            raise NotImplementedError("Obtain the assertion from your identity provider")
        """)).hasSize(1);
  }

  @Test
  void aStubThatASiblingMemberOfTheSameNameAlreadyHadFollowsTheFile() {
    String file = """
        class ChatComponent : ClientComponent<ChatClient> {
            protected override IHealthCheck CreateHealthCheck(ChatClient client)
                => throw new NotImplementedException();
        }
        class EmbeddingsComponent : ClientComponent<EmbeddingsClient> {
            protected override IHealthCheck CreateHealthCheck(EmbeddingsClient client)
                => throw new NotImplementedException();
            protected override Uri Endpoint(EmbeddingsClient client)
                => throw new NotImplementedException();
        }
        """;
    List<AddedLine> embeddings = addedLines(file, 5, 10);

    assertThat(scanner.scan("src/Extensions.cs", embeddings, () -> Optional.of(file)))
        .extracting(Finding::symbol).containsExactly("EmbeddingsComponent › Endpoint");
    assertThat(scanner.scan("src/Extensions.cs", addedLines(file, 1, 10), () -> Optional.of(file)))
        .as("both stubs new: neither is the file's own way").hasSize(3);
  }

  private static List<AddedLine> addedLines(String file, int from, int to) {
    String[] lines = file.split("\n", -1);
    return IntStream.rangeClosed(from, to).mapToObj(number -> new AddedLine(number, lines[number - 1])).toList();
  }
}

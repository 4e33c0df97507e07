package dev.claimaudit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimaudit.verdict.Verdict;
import java.io.IOException;
import java.io.StringWriter;

/**
 * The pull request comment as the JSON body that Gitea's and GitHub's comment API take
 * ({@code {"body": "…"}}), so a workflow posts it with curl alone and needs no JSON tool.
 */
public final class CommentJsonReporter implements Reporter {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final MarkdownReporter markdown;

  public CommentJsonReporter(SourceLinks links) {
    this.markdown = new MarkdownReporter(links);
  }

  @Override
  public String format() {
    return "gitea-comment";
  }

  @Override
  public void write(Verdict verdict, Appendable out) throws IOException {
    StringWriter comment = new StringWriter();
    markdown.write(verdict, comment);
    out.append(body(comment.toString())).append('\n');
  }

  /** {@code {"body": markdown}}. */
  public static String body(String markdown) {
    try {
      return MAPPER.writeValueAsString(MAPPER.createObjectNode().put("body", markdown));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the comment as JSON", e);
    }
  }
}

package dev.claimaudit.cli.kb;

import dev.claimaudit.cli.shell.Io;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimaudit.cli.shell.BadInputException;

/** What the kb commands print in common: the two formats, and JSON. */
final class KbOutput {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private KbOutput() {}

  static void checkFormat(String format) {
    if (!format.equals("text") && !format.equals("json")) {
      throw new BadInputException("unknown format '" + format + "': use text or json");
    }
  }

  static void print(Io io, ObjectNode root) {
    try {
      io.out().println(MAPPER.writeValueAsString(root));
      io.out().flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render JSON", e);
    }
  }
}

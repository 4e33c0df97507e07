package dev.claimaudit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Validates a SARIF log against the official SARIF 2.1.0 JSON schema, formats included. */
public final class SarifSchema {
  private final Schema schema;
  private final ObjectMapper mapper = new ObjectMapper();

  public SarifSchema() {
    try (InputStream in = SarifSchema.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
      JsonNode schemaNode = mapper.readTree(in);
      SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
      SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
          builder -> builder.schemaRegistryConfig(config));
      schema = registry.getSchema(schemaNode);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema violations of {@code sarif}, one line each; empty when it is valid. */
  public List<String> violations(String sarif) {
    try {
      return schema.validate(mapper.readTree(sarif)).stream().map(Error::toString).toList();
    } catch (IOException e) {
      return List.of("not JSON: " + e.getMessage());
    }
  }
}

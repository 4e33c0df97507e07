package dev.claimaudit.checks.llm;

/** The model could not be asked, or its answer could not be read; the message is safe to print (no key, one line). */
final class LlmFailure extends Exception {
  private static final long serialVersionUID = 1L;

  LlmFailure(String message) {
    super(message);
  }
}

package dev.claimaudit.report;

/**
 * What a report says about a rule: its id, a short title, one or two sentences of explanation,
 * and the placeholder class when it is a catalog rule.
 *
 * @param ruleClass {@code hard-stub}, {@code test-evasion}, {@code soft-marker}, or {@code null}
 */
public record RuleDoc(String id, String title, String description, String ruleClass) {}

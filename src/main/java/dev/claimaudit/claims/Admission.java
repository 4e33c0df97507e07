package dev.claimaudit.claims;

/**
 * A sentence that owns up to unfinished work ("the CSV importer is still a stub", "skip the flaky
 * upload test until #812"): placeholders of its kind in its scope warn instead of blocking,
 * unless a later claim about the same subject says the work is done.
 */
public record Admission(Disclosure kind, String text, String source, int line, Scope scope, Moment order) {}

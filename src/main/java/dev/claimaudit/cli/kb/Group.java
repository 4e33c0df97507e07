package dev.claimaudit.cli.kb;

import dev.claimaudit.kb.Lesson;
import java.util.Set;
import java.util.TreeSet;

/** Lessons of one signature. */
final class Group {
  final String signature;
  final String rule;
  final String snippet;
  final Set<Integer> prs = new TreeSet<>();
  int count;

  Group(String signature, String rule, String snippet) {
    this.signature = signature;
    this.rule = rule;
    this.snippet = snippet == null ? "" : snippet;
  }

  void add(Lesson lesson) {
    prs.add(lesson.pr());
    count++;
  }
}

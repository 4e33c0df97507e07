package dev.claimaudit.claims;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything a change says: its claims and its admissions of unfinished work, each with its
 * scope and its moment. {@link #judge(Site)} decides which of them a placeholder answers to.
 */
public final class Statements {
  private final List<Claim> claims;
  private final List<Admission> admissions;
  private volatile Terms pathTerms;
  private volatile List<String> termsOf;
  /** The claims about tests, by position: every one covers a skipped test, whatever it names. */
  private final BitSet testClaims = new BitSet();
  /** The claims' and the admissions' scopes indexed by what they name; made on the first judgement. */
  private volatile ScopeIndex claimIndex;
  private volatile ScopeIndex admissionIndex;
  /** Judgements made, by site: every check and the policy ask about the same placeholders. */
  private final Map<Site, Judgement> judged = new ConcurrentHashMap<>();

  public Statements(List<Claim> claims, List<Admission> admissions) {
    this.claims = List.copyOf(claims);
    this.admissions = List.copyOf(admissions);
    for (int i = 0; i < this.claims.size(); i++) {
      if (this.claims.get(i).kind() == ClaimKind.TEST) {
        testClaims.set(i);
      }
    }
  }

  private synchronized ScopeIndex claimIndex() {
    ScopeIndex index = claimIndex;
    if (index == null) {
      index = new ScopeIndex(claims.stream().map(Claim::scope).toList());
      claimIndex = index;
    }
    return index;
  }

  private synchronized ScopeIndex admissionIndex() {
    ScopeIndex index = admissionIndex;
    if (index == null) {
      index = new ScopeIndex(admissions.stream().map(Admission::scope).toList());
      admissionIndex = index;
    }
    return index;
  }

  public static Statements of(List<Claim> claims) {
    return new Statements(claims, List.of());
  }

  /**
   * These statements as they read against a change: a claim whose scope names nothing among the
   * changed paths, the placeholders' sites and the words of the added lines is about the whole change, and an admission that
   * names nothing of it admits nothing.
   */
  public Statements within(Collection<String> changedPaths, Collection<Site> sites, Set<String> wordsInAddedLines) {
    Terms paths = pathTerms(changedPaths);
    Terms siteTerms = Terms.ofSites(sites);
    List<Claim> resolved = new ArrayList<>();
    for (Claim claim : claims) {
      resolved.add(claim.scope().namesAnyOf(paths, siteTerms, wordsInAddedLines) ? claim : claim.withScope(Scope.EVERYTHING));
    }
    // An admission about something the change does not hold owns up to nothing in it.
    List<Admission> relevant = admissions.stream()
        .filter(admission -> admission.scope().namesAnyOf(paths, siteTerms, wordsInAddedLines)).toList();
    return new Statements(resolved, relevant);
  }

  /**
   * The words and identifiers that {@link #within} will look for in the added lines: those of the
   * claims and admissions that no changed path already names. Identifiers come normalised
   * (lower case, letters and digits), words as stems.
   */
  public Wanted wantedInAddedLines(Collection<String> changedPaths) {
    Terms paths = pathTerms(changedPaths);
    Terms none = Terms.ofSites(List.of());
    Set<String> words = new HashSet<>();
    Set<String> identifiers = new HashSet<>();
    List<Scope> scopes = new ArrayList<>();
    claims.forEach(claim -> scopes.add(claim.scope()));
    admissions.forEach(admission -> scopes.add(admission.scope()));
    for (Scope scope : scopes) {
      if (!scope.namesAnyOf(paths, none, Set.of())) {
        words.addAll(scope.words());
        identifiers.addAll(scope.identifiers());
      }
    }
    return new Wanted(Set.copyOf(words), Set.copyOf(identifiers));
  }

  /** The terms of the changed paths, made once: the scan and the judgement both ask. */
  private Terms pathTerms(Collection<String> changedPaths) {
    Terms made = pathTerms;
    if (made == null || !changedPaths.equals(termsOf)) {
      made = Terms.ofPaths(changedPaths);
      termsOf = List.copyOf(changedPaths);
      pathTerms = made;
    }
    return made;
  }

  /** Stems and normalised identifiers to look for in the added lines. */
  public record Wanted(Set<String> words, Set<String> identifiers) {
    public boolean none() {
      return words.isEmpty() && identifiers.isEmpty();
    }
  }

  public List<Claim> claims() {
    return claims;
  }

  public List<Admission> admissions() {
    return admissions;
  }

  /**
   * The judgement on a placeholder at {@code site}. A claim covers it when the claim's scope
   * holds it; a focused test is covered by every claim, and test evasion by every claim about
   * tests. An admission of the placeholder's kind overrides a claim when it is more specific or
   * later and as specific ("all done" is overridden by "the importer is still a stub"; an
   * earlier "stub out the importer" is overridden by a later "importer: done"). The strongest
   * claim left standing decides; when none stands, but some covered it, it is hedged.
   */
  public Judgement judge(Site site) {
    // Not computeIfAbsent: judging one site may take long, and would hold up other sites that
    // share its bin while several threads judge at once. Judging twice gives the same judgement.
    Judgement judgement = judged.get(site);
    if (judgement == null) {
      judgement = decide(site);
      Judgement earlier = judged.putIfAbsent(site, judgement);
      judgement = earlier != null ? earlier : judgement;
    }
    return judgement;
  }

  private Judgement decide(Site site) {
    Terms terms = Terms.of(site);
    List<Hedge> hedges = new ArrayList<>();
    ScopeIndex.Found admitting = admissionIndex().candidates(site.path(), terms);
    BitSet admissionsAsked = admitting.all();
    for (int i = admissionsAsked.nextSetBit(0); i >= 0; i = admissionsAsked.nextSetBit(i + 1)) {
      Admission admission = admissions.get(i);
      if (admission.kind() == site.kind() && (admitting.covering().get(i) || admission.scope().covers(site, terms))) {
        hedges.add(new Hedge(admission.scope(), admission.order(), admission));
      }
    }
    List<Claim> covering = new ArrayList<>();
    ScopeIndex.Found found = claimIndex().candidates(site.path(), terms);
    BitSet claiming = found.all();
    if (site.focus()) {
      claiming.set(0, claims.size());
    } else if (site.kind() == Disclosure.TEST_EVASION) {
      claiming.or(testClaims);
    }
    for (int i = claiming.nextSetBit(0); i >= 0; i = claiming.nextSetBit(i + 1)) {
      Claim claim = claims.get(i);
      if (claim.kind() != ClaimKind.ABSENCE && (found.covering().get(i) || covers(claim, site, terms))) {
        covering.add(claim);
        if (claim.strength() == Strength.HEDGED) {
          hedges.add(new Hedge(claim.scope(), claim.order(), null));
        }
      }
    }
    Hedging hedging = new Hedging(hedges);
    List<Claim> standing = new ArrayList<>();
    for (Claim claim : covering) {
      if (claim.strength() != Strength.HEDGED && !hedging.overrides(claim)) {
        standing.add(claim);
      }
    }
    if (!standing.isEmpty()) {
      standing.sort(Comparator.comparing(Claim::strength).reversed());
      return new Judgement(standing.get(0).strength(), standing, null);
    }
    if (hedges.isEmpty()) {
      return Judgement.OUT_OF_SCOPE;
    }
    Admission admission = hedges.stream().map(Hedge::admission).filter(a -> a != null).reduce((first, second) -> second).orElse(null);
    return new Judgement(Strength.HEDGED, List.of(), admission);
  }

  private static boolean covers(Claim claim, Site site, Terms terms) {
    if (site.focus() || (claim.kind() == ClaimKind.TEST && site.kind() == Disclosure.TEST_EVASION)) {
      return true;
    }
    return claim.scope().covers(site, terms);
  }

  /** An admission, or a hedged claim, that covers the placeholder. */
  private record Hedge(Scope scope, Moment order, Admission admission) {}

  /**
   * The hedges that cover one placeholder, summed up so that each claim is weighed against all of
   * them at once: a hedge outweighs a claim when it is the claim's own sentence ("fix the upload
   * test and disable the flaky download test"), or more specific, or later and as specific.
   */
  private static final class Hedging {
    private final Set<Moment> moments = new HashSet<>();
    private Moment latestSpecific;
    private Moment latestAny;

    Hedging(List<Hedge> hedges) {
      for (Hedge hedge : hedges) {
        moments.add(hedge.order());
        latestAny = later(latestAny, hedge.order());
        if (!hedge.scope().everything()) {
          latestSpecific = later(latestSpecific, hedge.order());
        }
      }
    }

    private static Moment later(Moment a, Moment b) {
      return a == null || b.after(a) ? b : a;
    }

    boolean overrides(Claim claim) {
      if (moments.contains(claim.order())) {
        return true;
      }
      if (claim.scope().everything()) {
        return latestSpecific != null || latestAny != null && latestAny.after(claim.order());
      }
      return latestSpecific != null && latestSpecific.after(claim.order());
    }
  }
}

package dev.claimaudit.cores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Work shared over the cores comes back whole and in order, and a failure in it is the caller's. */
class CoresTest {

  @Test
  void everyItemIsWorkedOnceAndComesBackInItsPlace() {
    Set<Integer> seen = ConcurrentHashMap.newKeySet();
    AtomicInteger calls = new AtomicInteger();

    List<String> results = Cores.map(10_000, i -> {
      calls.incrementAndGet();
      seen.add(i);
      return "item " + i;
    });

    assertThat(results).containsExactlyElementsOf(IntStream.range(0, 10_000).mapToObj(i -> "item " + i).toList());
    assertThat(calls).hasValue(10_000);
    assertThat(seen).hasSize(10_000);
  }

  @Test
  void workOnAnotherThreadGivesItsResultToWhoeverAwaitsIt() {
    String caller = Thread.currentThread().getName();

    String worker = Cores.await(Cores.onAnotherThread("claim-audit-test", () -> Thread.currentThread().getName()));

    assertThat(worker).isEqualTo("claim-audit-test").isNotEqualTo(caller);
  }

  @Test
  void whatWorkOnAnotherThreadThrowsIsThrownAsItWasThrown() {
    IllegalStateException failure = new IllegalStateException("the range cannot be read");
    AssertionError error = new AssertionError("out of memory, say");

    assertThatThrownBy(() -> Cores.await(Cores.onAnotherThread("claim-audit-test", () -> {
      throw failure;
    }))).isSameAs(failure);
    assertThatThrownBy(() -> Cores.await(Cores.onAnotherThread("claim-audit-test", () -> {
      throw error;
    }))).isSameAs(error);
  }

  @Test
  void noItemsNeedNoWork() {
    assertThat(Cores.map(0, i -> i)).isEmpty();
    AtomicInteger calls = new AtomicInteger();
    Cores.forEach(0, i -> calls.incrementAndGet());
    assertThat(calls).hasValue(0);
  }

  @Test
  void forEachWorksEveryItem() {
    int[] counts = new int[1_000];
    Cores.forEach(counts.length, i -> counts[i]++);

    assertThat(counts).containsOnly(1);
  }

  @Test
  void aFailureInAnyItemIsThrownAsItWasThrown() {
    IllegalArgumentException failure = new IllegalArgumentException("item 500 is bad");
    assertThatThrownBy(() -> Cores.map(1_000, i -> {
      if (i == 500) {
        throw failure;
      }
      return i;
    })).isSameAs(failure);

    assertThatThrownBy(() -> Cores.forEach(10, i -> {
      throw new StackOverflowError("deep");
    })).isInstanceOf(StackOverflowError.class).hasMessage("deep");
  }
}

package dev.claimaudit.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Test files are known by the names and folders their frameworks give them. */
class TestFilesTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "web/cart/cart.vitest.ts",
      "web/cart/cart.vitest.tsx",
      "web/cart/cart.test.mjs",
      "web/cart/cart.spec.ts",
      "web/e2e/checkout.cy.ts",
      "web/app.e2e-spec.ts",
      "types/index.test-d.ts",
      "pkg/cart/cart_test.go",
      "cart/test_cart.py",
      "cart/cart_test.py",
      "crates/server/src/server.tests.rs",
      "crates/server/src/server_test.rs",
      "app/src/test/java/CartTest.java",
      "lib/src/jvmTest/kotlin/CartTest.kt",
      "lib/src/commonTest/kotlin/Cart.kt",
      "lib/src/integrationTest/java/Checkout.java",
      "src/Cart.UnitTests/PricingFacts.cs",
      "src/Shop.Tests/Checkout.cs",
      "Tests/CartKitTests/Pricing.swift",
      "spec/cart_spec.rb",
      "app/CartSpec.groovy",
      "app/CheckoutIT.kt",
      "scripts/install.bats",
      "test/pricing_test.dart",
      "test/CartSpec.hs",
      "conftest.py",
      "CartTest.java",
      "back\\slash\\cart_test.go"})
  void aFileNamedOrPlacedAsItsFrameworkExpectsIsATestFile(String path) {
    assertThat(TestFiles.isTest(path)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "web/cart/cart.ts",
      "web/cart/testing-library.ts",
      "src/latest/release.go",
      "src/contest/entry.py",
      "lib/src/jvmMain/kotlin/Cart.kt",
      "docs/attestation.md",
      "src/protest.rs",
      "src/test_data.py/readme.md"})
  void aFileThatOnlyResemblesOneIsNot(String path) {
    assertThat(TestFiles.isTest(path)).isFalse();
  }
}

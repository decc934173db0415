package fi.hbflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link UnifiedDiff} and {@link DeploymentLog}: the diff of a changed resource, and the entries of a deployment. */
class DeploymentLogTest {

  static List<String> lines(String... lines) {
    return List.of(lines);
  }

  @Test
  void aChangedLineIsOneHunkWithThreeLinesOfContext() {
    List<String> before = lines("1", "2", "3", "4", "5", "6", "7", "8", "9");
    List<String> after = lines("1", "2", "3", "4", "viisi", "6", "7", "8", "9");
    assertThat(UnifiedDiff.hunks(before, after)).containsExactly(
        "@@ -2,7 +2,7 @@", " 2", " 3", " 4", "-5", "+viisi", " 6", " 7", " 8");
  }

  @Test
  void farApartChangesAreSeparateHunksAndNearOnesOne() {
    List<String> before = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      before.add(String.valueOf(i));
    }
    List<String> after = new ArrayList<>(before);
    after.set(1, "kaksi");      // line 2
    after.set(17, "18!");       // line 18, far from line 2
    after.add(19, "19.5");      // inserted after 19, near 18
    assertThat(UnifiedDiff.hunks(before, after)).containsExactly(
        "@@ -1,5 +1,5 @@", " 1", "-2", "+kaksi", " 3", " 4", " 5",
        "@@ -15,6 +15,7 @@", " 15", " 16", " 17", "-18", "+18!", " 19", "+19.5", " 20");
  }

  @Test
  void additionsRemovalsAndEmptyTexts() {
    assertThat(UnifiedDiff.hunks(lines(), lines("a", "b"))).containsExactly("@@ -0,0 +1,2 @@", "+a", "+b");
    assertThat(UnifiedDiff.hunks(lines("a", "b"), lines())).containsExactly("@@ -1,2 +0,0 @@", "-a", "-b");
    assertThat(UnifiedDiff.hunks(lines("a", "b", "c"), lines("a", "c"))).containsExactly(
        "@@ -1,3 +1,2 @@", " a", "-b", " c");
    assertThat(UnifiedDiff.hunks(lines("a"), lines("a"))).isEmpty();
    assertThat(UnifiedDiff.lines("a\r\nb\n")).containsExactly("a", "b");
    assertThat(UnifiedDiff.lines("a\n\nb")).containsExactly("a", "", "b");
  }

  @Test
  void aLargeRewriteIsStillACorrectDiff() {
    List<String> before = new ArrayList<>();
    List<String> after = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      before.add("vanha " + i);
      after.add("uusi " + i);
    }
    List<String> hunks = UnifiedDiff.hunks(before, after);
    assertThat(hunks.get(0)).isEqualTo("@@ -1,3000 +1,3000 @@");
    assertThat(hunks).hasSize(6001);
  }

  @Test
  void theDeploymentIsLoggedWithItsAuthorNewAndChangedResources() {
    byte[] v1 = "<a>\n  <b>1</b>\n</a>\n".getBytes(StandardCharsets.UTF_8);
    byte[] v2 = "<a>\n  <b>2</b>\n</a>\n".getBytes(StandardCharsets.UTF_8);
    List<String> entries = DeploymentLog.entries("olli", "Hinnat 2027", "dep-2", List.of(
        new DeploymentLog.Resource("processes/hb-yksikkohinnat.dmn", v2, "dep-1", v1),
        new DeploymentLog.Resource("forms/uusi.form", v1, null, null),
        new DeploymentLog.Resource("processes/sama.bpmn", v1, "dep-1", v1)));
    assertThat(entries).hasSize(3);
    assertThat(entries.get(0)).isEqualTo("Käyttöönotto 'Hinnat 2027' (dep-2), tekijä olli: 3 resurssia, uusia 1, "
        + "muuttuneita 1, ennallaan 1");
    assertThat(entries.get(1)).isEqualTo("Käyttöönotto 'Hinnat 2027' (dep-2), tekijä olli: "
        + "processes/hb-yksikkohinnat.dmn muuttui:\n"
        + "--- processes/hb-yksikkohinnat.dmn\t(käyttöönotto dep-1)\n"
        + "+++ processes/hb-yksikkohinnat.dmn\t(käyttöönotto dep-2)\n"
        + "@@ -1,3 +1,3 @@\n <a>\n-  <b>1</b>\n+  <b>2</b>\n </a>");
    assertThat(entries.get(2)).endsWith("forms/uusi.form uusi (20 tavua)");
  }

  @Test
  void namesCannotForgeLinesAndBinariesAreNotDiffed() {
    List<String> entries = DeploymentLog.entries(null, "x\nKäyttöönotto 'väärä'", "d", List.of(
        new DeploymentLog.Resource("kuva.png", new byte[] {1, 0, 2}, "c", new byte[] {1, 0})));
    assertThat(entries.get(0)).doesNotContain("\n").contains("x\\u000aKäyttöönotto")
        .contains("tekijä sovellus (automaattinen käyttöönotto)");
    assertThat(entries.get(1)).contains("binäärinen: 2 tavua -> 3 tavua");
  }
}

package dev.blazebench.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blazebench.reports.model.RunResults;
import dev.blazebench.reports.testing.TinyRun;
import org.junit.jupiter.api.Test;

class EnvironmentRowTest {

  @Test
  void aRunOverAShapedLinkNamesItAndTheSeedTableSaysItsTotalsIncludeIt() {
    RunResults run =
        new TinyRun().link("10mbit").result("insert-100", "rest-json", r -> {}).build();

    assertThat(EnvironmentRow.of(run))
        .filteredOn(row -> row.key().equals("link"))
        .singleElement()
        .satisfies(
            row ->
                assertThat(row.value())
                    .startsWith("shaped to 10mbit: ")
                    .contains("tbf in a network namespace"));
    assertThat(SeedTables.of(run).get(0).note())
        .contains("crossed a link (shaped to 10mbit), so Total here includes their transfer");
  }

  @Test
  void aRunOverLoopbackHasNoLinkRowAndPointsToTheOption() {
    RunResults run = new TinyRun().result("insert-100", "rest-json", r -> {}).build();

    assertThat(EnvironmentRow.of(run)).noneMatch(row -> row.key().equals("link"));
    assertThat(SeedTables.of(run).get(0).note()).contains("needs compare --link 10mbit");
  }
}

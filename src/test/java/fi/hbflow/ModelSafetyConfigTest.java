package fi.hbflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The beans the application's expressions may name ({@link ModelSafetyConfig#PROCESS_BEAN_NAMES}) are those the
 * models call and those the model tests build ({@link ProcessBeans#processBeans}): a bean added for a model but not
 * listed would be unknown to the application's expressions.
 */
class ModelSafetyConfigTest {

  /** {@code delegateExpression="${name}"}, and {@code ${name.method(} anywhere. */
  static final Pattern BEAN_USE = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"|\\$\\{(\\w+)\\.\\w+\\(");

  @Test
  void everyBeanTheModelsCallIsListed() throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        Matcher m = BEAN_USE.matcher(Files.readString(model));
        while (m.find()) {
          used.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
      }
    }
    used.removeAll(Set.of("execution", "task"));
    assertThat(used).isNotEmpty();
    assertThat(ModelSafetyConfig.PROCESS_BEAN_NAMES).containsAll(used);
  }

  @Test
  void theListIsTheBeansTheModelTestsBuild() {
    assertThat(ModelSafetyConfig.PROCESS_BEAN_NAMES).containsExactlyInAnyOrderElementsOf(
        ProcessBeans.processBeans(TestEngine.engine(), year -> 1).keySet());
  }
}

package fi.hbflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.impl.test.TestHelper;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The model tests' engine extension: a test's {@code @Deployment} of BPMN models (on the method, the class, or an
 * annotation of the class such as {@link HbCaseModels}) also deploys every form of {@code forms/}, as the application
 * does. The models bind their forms by deployment and the engine checks every
 * submission against the deployed form, so a model deployed without its forms would accept nothing.
 */
final class FormsInDeployment extends ProcessEngineExtension {

  private static final List<String> FORMS = forms();

  @Override
  public void beforeTestExecution(ExtensionContext context) {
    Method method = context.getRequiredTestMethod();
    Deployment declared = method.getAnnotation(Deployment.class);
    for (Class<?> c = context.getRequiredTestClass(); declared == null && c != Object.class; c = c.getSuperclass()) {
      declared = c.getAnnotation(Deployment.class);
    }
    boolean meta = false;
    if (declared == null) {
      declared = metaAnnotated(context.getRequiredTestClass());
      meta = declared != null;
    }
    boolean models = declared != null && Arrays.stream(declared.resources()).anyMatch(r -> r.endsWith(".bpmn"));
    if (declared == null || (!models && !meta)) {
      super.beforeTestExecution(context);
      return;
    }
    deploymentId = TestHelper.annotationDeploymentSetUp(processEngine, context.getRequiredTestClass(),
        method.getName(), models ? withForms(declared) : declared, method.getParameterTypes());
  }

  /** A {@code @Deployment} on an annotation of the class (or of a superclass), such as {@link HbCaseModels}. */
  static Deployment metaAnnotated(Class<?> testClass) {
    for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Annotation annotation : c.getAnnotations()) {
        Deployment deployment = annotation.annotationType().getAnnotation(Deployment.class);
        if (deployment != null) {
          return deployment;
        }
      }
    }
    return null;
  }

  private static Deployment withForms(Deployment declared) {
    String[] resources = Stream.concat(Arrays.stream(declared.resources()), FORMS.stream()).distinct()
        .toArray(String[]::new);
    return new Deployment() {
      @Override
      public String[] resources() {
        return resources;
      }

      @Override
      public Class<? extends Annotation> annotationType() {
        return Deployment.class;
      }
    };
  }

  private static List<String> forms() {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      return files.map(p -> "forms/" + p.getFileName()).filter(p -> p.endsWith(".form")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

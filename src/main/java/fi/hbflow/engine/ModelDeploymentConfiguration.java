package fi.hbflow.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultDeploymentConfiguration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

/**
 * The starter's auto-deployment of {@code camunda.bpm.deployment-resource-pattern}, with resource names that do not
 * depend on where the application runs: {@code processes/hb-palveluprosessi.bpmn}, not the absolute path of the
 * build folder. Unchanged models then deploy nothing, from the build folder, the jar or a container alike.
 */
public class ModelDeploymentConfiguration extends DefaultDeploymentConfiguration {

  @Override
  public Set<Resource> getDeploymentResources() {
    Set<Resource> named = new LinkedHashSet<>();
    for (Resource resource : super.getDeploymentResources()) {
      named.add(new NamedResource(read(resource), stableName(resource)));
    }
    return named;
  }

  /** The path from the {@code processes/} or {@code forms/} folder on. */
  static String stableName(Resource resource) {
    String url;
    try {
      url = resource.getURL().toString();
    } catch (IOException e) {
      return resource.getFilename();
    }
    for (String folder : new String[] {"/processes/", "/forms/"}) {
      int at = url.lastIndexOf(folder);
      if (at >= 0) {
        return url.substring(at + 1);
      }
    }
    return resource.getFilename();
  }

  private static byte[] read(Resource resource) {
    try (var in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  /** Spring names a byte-array resource of a deployment by its description. */
  static class NamedResource extends ByteArrayResource {
    private final String name;

    NamedResource(byte[] content, String name) {
      super(content, name);
      this.name = name;
    }

    @Override
    public String getDescription() {
      return name;
    }

    @Override
    public String getFilename() {
      return name;
    }
  }
}

package fi.hbflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link ModelRules}: what a deployment may contain. */
class ModelRulesTest {

  static final String BPMN_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
      + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" "
      + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" id=\"D\" targetNamespace=\"x\">\n"
      + "<bpmn:process id=\"p\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">\n";
  static final String BPMN_TAIL = "</bpmn:process>\n</bpmn:definitions>\n";

  static List<String> bpmn(String body) {
    return ModelRules.check("processes/testi.bpmn", (BPMN_HEAD + body + BPMN_TAIL).getBytes(StandardCharsets.UTF_8));
  }

  static List<String> dmn(String language, String entry) {
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" name=\"d\" namespace=\"x\">\n"
        + "<decision id=\"paatos\" name=\"p\"><decisionTable id=\"t\">\n"
        + "<input id=\"i\"><inputExpression id=\"ie\" typeRef=\"string\"><text>a</text></inputExpression></input>\n"
        + "<output id=\"o\" name=\"tulos\" typeRef=\"string\" />\n"
        + "<rule id=\"r\"><inputEntry id=\"e1\"><text>-</text></inputEntry>\n"
        + "<outputEntry id=\"e2\"" + (language == null ? "" : " expressionLanguage=\"" + language + "\"") + "><text>"
        + entry + "</text></outputEntry></rule>\n</decisionTable></decision>\n</definitions>\n";
    return ModelRules.check("processes/testi.dmn", xml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void everyShippedModelAndFormMayBeDeployed() throws IOException {
    for (String folder : List.of("processes", "forms")) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) { // processes/tekstit/: texts, not deployed
          assertThat(ModelRules.check(folder + "/" + file.getFileName(), Files.readAllBytes(file)))
              .as(file.toString()).isEmpty();
        }
      }
    }
  }

  @Test
  void scriptsInAnyFormAreRefused() {
    assertThat(bpmn("<bpmn:scriptTask id=\"S\" scriptFormat=\"javascript\"><bpmn:script>1</bpmn:script>"
        + "</bpmn:scriptTask>")).singleElement().asString().contains("'S'").contains("skriptitehtävä");
    assertThat(bpmn("<bpmn:scriptTask id=\"S\" scriptFormat=\"juel\" camunda:resource=\"x.juel\" />"))
        .singleElement().asString().contains("skriptitehtävä");
    assertThat(bpmn("<bpmn:startEvent id=\"A\"><bpmn:extensionElements><camunda:executionListener event=\"start\">"
        + "<camunda:script scriptFormat=\"juel\">${1}</camunda:script></camunda:executionListener>"
        + "</bpmn:extensionElements></bpmn:startEvent>")).singleElement().asString()
        .contains("elementissä 'A'").contains("skripti");
    assertThat(bpmn("<bpmn:task id=\"T\"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter "
        + "name=\"x\"><camunda:script scriptFormat=\"groovy\" resource=\"a.groovy\" /></camunda:inputParameter>"
        + "</camunda:inputOutput></bpmn:extensionElements></bpmn:task>")).hasSize(1);
    assertThat(bpmn("<bpmn:sequenceFlow id=\"F\" sourceRef=\"a\" targetRef=\"b\"><bpmn:conditionExpression "
        + "xsi:type=\"bpmn:tFormalExpression\" language=\"juel\">${true}</bpmn:conditionExpression>"
        + "</bpmn:sequenceFlow>")).singleElement().asString().contains("language");
  }

  @Test
  void javaClassesAndConnectorsAreRefused() {
    assertThat(bpmn("<bpmn:serviceTask id=\"T\" camunda:class=\"java.lang.Object\" />")).singleElement().asString()
        .contains("'T'").contains("Java-luokka");
    assertThat(bpmn("<bpmn:userTask id=\"U\"><bpmn:extensionElements><camunda:taskListener "
        + "class=\"x.Y\" event=\"create\" /></bpmn:extensionElements></bpmn:userTask>")).hasSize(1);
    assertThat(bpmn("<bpmn:callActivity id=\"C\" calledElement=\"x\" camunda:variableMappingClass=\"x.Y\" />"))
        .hasSize(1);
    assertThat(bpmn("<bpmn:userTask id=\"U\"><bpmn:extensionElements><camunda:formData><camunda:formField id=\"f\" "
        + "type=\"string\"><camunda:validation><camunda:constraint name=\"validator\" config=\"x.Validator\" />"
        + "</camunda:validation></camunda:formField></camunda:formData></bpmn:extensionElements></bpmn:userTask>"))
        .singleElement().asString().contains("validaattori");
    assertThat(bpmn("<bpmn:serviceTask id=\"T\"><bpmn:extensionElements><camunda:connector>"
        + "<camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements>"
        + "</bpmn:serviceTask>")).hasSize(1);
  }

  @Test
  void expressionsAndBeansAreAllowed() {
    assertThat(bpmn("<bpmn:serviceTask id=\"T\" camunda:delegateExpression=\"${budgetCalculation}\" />"
        + "<bpmn:serviceTask id=\"T2\" camunda:expression=\"${legalClocks.start(execution, 'SEURANTA')}\" />"
        + "<bpmn:sequenceFlow id=\"F\" sourceRef=\"T\" targetRef=\"T2\"><bpmn:conditionExpression "
        + "xsi:type=\"bpmn:tFormalExpression\">${a == 'b'}</bpmn:conditionExpression></bpmn:sequenceFlow>"
        + "<bpmn:userTask id=\"U\"><bpmn:extensionElements><camunda:formData><camunda:formField id=\"f\" "
        + "type=\"string\"><camunda:validation><camunda:constraint name=\"validator\" config=\"${formCheck}\" />"
        + "<camunda:constraint name=\"required\" /></camunda:validation></camunda:formField></camunda:formData>"
        + "</bpmn:extensionElements></bpmn:userTask>")).isEmpty();
  }

  @Test
  void dmnTakesFeelAndJuelOnly() {
    assertThat(dmn(null, "\"a\"")).isEmpty();
    assertThat(dmn("feel", "\"a\"")).isEmpty();
    assertThat(dmn("FEEL", "\"a\"")).isEmpty();
    assertThat(dmn("https://www.omg.org/spec/DMN/20191111/FEEL/", "\"a\"")).isEmpty();
    assertThat(dmn("juel", "${a}")).isEmpty();
    assertThat(dmn("JUEL", "${a}")).isEmpty();
    for (String script : List.of("javascript", "groovy", "python", "ecmascript", "Graal.js", "feel ", "juel2")) {
      assertThat(dmn(script, "1")).as(script).singleElement().asString().contains("lausekekieli");
    }
  }

  @Test
  void otherResourcesAndDocumentTypesAreRefused() {
    for (String name : List.of("lomake.html", "a.js", "x.groovy", "malli.cmmn", "kuva.svg", "skripti.juel")) {
      assertThat(ModelRules.check(name, "x".getBytes(StandardCharsets.UTF_8))).as(name).hasSize(1);
    }
    for (String name : List.of("forms/a.form", "processes/kaavio.png", "x.bpmn20.xml", "y.dmn11.xml")) {
      assertThat(ModelRules.check(name, name.endsWith(".xml") ? (BPMN_HEAD + BPMN_TAIL).getBytes() : new byte[0]))
          .as(name).isEmpty();
    }
    String withDoctype = "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY e \"camunda:class\">]>\n" + BPMN_HEAD.substring(
        BPMN_HEAD.indexOf('\n') + 1) + BPMN_TAIL;
    assertThat(ModelRules.check("a.bpmn", withDoctype.getBytes(StandardCharsets.UTF_8))).isNotEmpty()
        .anySatisfy(p -> assertThat(p).contains("DOCTYPE"));
    assertThat(ModelRules.check("a.bpmn", "<not xml".getBytes(StandardCharsets.UTF_8))).singleElement().asString()
        .contains("XML ei kelpaa");
  }

  @Test
  void theAnswerIsFinnishAndListsEveryProblem() {
    String message = ModelRules.message(List.of("a.bpmn (scriptTask 'S'): skriptitehtävä ei ole sallittu.",
        "b.bpmn (serviceTask 'T'): Java-luokka (class) ei ole sallittu."));
    assertThat(message).startsWith("Käyttöönotto hylättiin").contains("'S'").contains("'T'");
  }
}

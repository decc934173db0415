package fi.hbflow.engine;

/**
 * Models a process owner could deploy to escape the expression rules (for {@code ModelSafetyTest} and the HTTP test
 * {@code fi.hbflow.production.ModelSafetyIT}).
 */
public final class HostileModels {

  /** The two expressions of the issue: Java reflection, and Spring's environment. */
  public static final String RUNTIME = "${''.getClass().forName('java.lang.Runtime').getName()}";
  public static final String ENVIRONMENT = "${environment.getProperty('spring.datasource.url')}";
  /** A FEEL external Java function that would set a system property. */
  public static final String FEEL_EXTERNAL = "{f: function(k, v) external {java: {class: \"java.lang.System\", "
      + "method signature: \"setProperty(java.lang.String, java.lang.String)\"}}, r: f(\"hbflow.feel.external\", "
      + "\"kylla\")}.r";
  public static final String FEEL_EXTERNAL_PROPERTY = "hbflow.feel.external";

  private HostileModels() {
  }

  /** A one-row table {@code key} whose output {@code tulos} is {@code entry} in {@code language} (null: FEEL). */
  public static String dmn(String key, String language, String entry) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" "
        + "xmlns:camunda=\"http://camunda.org/schema/1.0/dmn\" id=\"" + key + "-d\" name=\"" + key + "\" "
        + "namespace=\"http://camunda.org/schema/1.0/dmn\">\n"
        + "  <decision id=\"" + key + "\" name=\"" + key + "\" camunda:historyTimeToLive=\"1\">\n"
        + "    <decisionTable id=\"" + key + "-t\">\n"
        + "      <input id=\"i\"><inputExpression id=\"ie\" typeRef=\"string\"><text>\"a\"</text></inputExpression>"
        + "</input>\n"
        + "      <output id=\"o\" name=\"tulos\" />\n"
        + "      <rule id=\"r\"><inputEntry id=\"e1\"><text>-</text></inputEntry>"
        + "<outputEntry id=\"e2\"" + (language == null ? "" : " expressionLanguage=\"" + language + "\"") + "><text>"
        + xml(entry) + "</text></outputEntry></rule>\n"
        + "    </decisionTable>\n  </decision>\n</definitions>\n";
  }

  /** A process {@code key}: start, a service task with the expression, a user task, end. */
  public static String bpmn(String key, String expression) {
    return bpmnWith(key, "<bpmn:serviceTask id=\"Lauseke\" camunda:expression=\"" + xml(expression) + "\" />");
  }

  /** A process {@code key} whose flow start → {@code element} (id Lauseke) → a user task → end. */
  public static String bpmnWith(String key, String element) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
        + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" "
        + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" id=\"" + key + "-d\" targetNamespace=\"x\">\n"
        + "  <bpmn:process id=\"" + key + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">\n"
        + "    <bpmn:startEvent id=\"Alku\" />\n"
        + "    <bpmn:sequenceFlow id=\"F1\" sourceRef=\"Alku\" targetRef=\"Lauseke\" />\n"
        + "    " + element + "\n"
        + "    <bpmn:sequenceFlow id=\"F2\" sourceRef=\"Lauseke\" targetRef=\"Odota\" />\n"
        + "    <bpmn:userTask id=\"Odota\" />\n"
        + "    <bpmn:sequenceFlow id=\"F3\" sourceRef=\"Odota\" targetRef=\"Loppu\" />\n"
        + "    <bpmn:endEvent id=\"Loppu\" />\n"
        + "  </bpmn:process>\n</bpmn:definitions>\n";
  }

  public static String scriptTask(String key) {
    return bpmnWith(key, "<bpmn:scriptTask id=\"Lauseke\" scriptFormat=\"juel\"><bpmn:script>${1}</bpmn:script>"
        + "</bpmn:scriptTask>");
  }

  public static String scriptListener(String key) {
    return bpmnWith(key, "<bpmn:task id=\"Lauseke\"><bpmn:extensionElements><camunda:executionListener "
        + "event=\"start\"><camunda:script scriptFormat=\"javascript\">java.lang.System.exit(1)</camunda:script>"
        + "</camunda:executionListener></bpmn:extensionElements></bpmn:task>");
  }

  public static String javaClass(String key) {
    return bpmnWith(key, "<bpmn:serviceTask id=\"Lauseke\" camunda:class=\"java.lang.Object\" />");
  }

  static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
  }
}

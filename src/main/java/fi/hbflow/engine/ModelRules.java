package fi.hbflow.engine;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * What a deployment may contain, checked before the engine parses it: BPMN and DMN models, Camunda Forms and images.
 * A model may not contain
 * <ul>
 *   <li>scripts in any language (JUEL as a script too): script tasks, {@code camunda:script} in listeners and
 *   input/output mappings, conditions or other expressions with a {@code language}, a {@code scriptFormat};</li>
 *   <li>Java classes: {@code camunda:class} (HB's delegates are beans, {@code ${caseOpening}}), any
 *   {@code ...Class} attribute, a form field validator given as a class name; connectors;</li>
 *   <li>in DMN, an expression language other than FEEL (the default) and JUEL (restricted as in BPMN).</li>
 * </ul>
 * The rules read the XML as it is, whatever element carries the attribute, so a construct the engine accepts in a
 * place not listed here is caught as well. A document type declaration is refused: the engine's parser would read
 * what this one does not. Each problem is one Finnish line.
 */
public final class ModelRules {

  static final List<String> BPMN = List.of(".bpmn", ".bpmn20.xml");
  static final List<String> DMN = List.of(".dmn", ".dmn11.xml");
  static final List<String> CMMN = List.of(".cmmn", ".cmmn10.xml", ".cmmn11.xml");
  static final List<String> OTHER_ALLOWED = List.of(".form", ".png", ".jpg", ".jpeg", ".gif");

  private ModelRules() {
  }

  /** The problems of one resource of a deployment (empty: it may be deployed). */
  public static List<String> check(String name, byte[] content) {
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    if (endsWithAny(lower, BPMN)) {
      return readXml(name, content, false);
    }
    if (endsWithAny(lower, DMN)) {
      return readXml(name, content, true);
    }
    if (endsWithAny(lower, CMMN)) {
      return List.of(name + ": CMMN-malleja ei oteta käyttöön HB Flow'ssa.");
    }
    if (endsWithAny(lower, OTHER_ALLOWED)) {
      return List.of();
    }
    return List.of(name + ": tiedostotyyppi ei ole sallittu. Käyttöönotossa voi olla BPMN- ja DMN-malleja "
        + "(.bpmn, .dmn), lomakkeita (.form) ja kuvia (.png, .jpg, .gif).");
  }

  /** The Finnish answer to a deployment with these problems. */
  public static String message(List<String> problems) {
    return "Käyttöönotto hylättiin, eikä mitään otettu käyttöön. Malleissa ei saa olla skriptejä eikä Java-luokkia; "
        + "HB:n palveluja kutsutaan lausekkeella, esim. ${legalClocks.start(execution, 'SEURANTA')}. "
        + String.join(" ", problems);
  }

  private static boolean endsWithAny(String name, List<String> suffixes) {
    for (String suffix : suffixes) {
      if (name.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> readXml(String name, byte[] content, boolean dmn) {
    Set<String> problems = new LinkedHashSet<>();
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XMLStreamReader xml = null;
    try {
      xml = factory.createXMLStreamReader(new ByteArrayInputStream(content));
      Deque<String> elements = new ArrayDeque<>();
      Deque<String> ids = new ArrayDeque<>();
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
          problems.add(name + ": DOCTYPE- ja entiteettimäärittelyt eivät ole sallittuja.");
        } else if (event == XMLStreamConstants.START_ELEMENT) {
          String element = xml.getLocalName();
          String id = xml.getAttributeValue(null, "id");
          String within = ids.isEmpty() || ids.peek().isEmpty() ? "" : " elementissä '" + ids.peek() + "'";
          String where = name + " (" + element + (id != null ? " '" + id + "'" : within) + ")";
          if (dmn) {
            checkDmnElement(xml, where, problems);
          } else {
            checkBpmnElement(xml, element, elements.peek(), where, problems);
          }
          elements.push(element);
          ids.push(id != null ? id : ids.isEmpty() ? "" : ids.peek());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          elements.pop();
          ids.pop();
        }
      }
    } catch (XMLStreamException | RuntimeException e) {
      problems.add(name + ": mallia ei voitu lukea (XML ei kelpaa).");
    } finally {
      if (xml != null) {
        try {
          xml.close();
        } catch (XMLStreamException ignored) {
          // nothing to release
        }
      }
    }
    return new ArrayList<>(problems);
  }

  private static void checkBpmnElement(XMLStreamReader xml, String element, String parent, String where,
      Set<String> problems) {
    boolean scriptReported = false;
    if ("scriptTask".equals(element)) {
      problems.add(where + ": skriptitehtävä ei ole sallittu; käytä palvelutehtävää ja HB:n palvelua.");
      scriptReported = true;
    } else if ("script".equals(element)) {
      if (!"scriptTask".equals(parent)) {
        problems.add(where + ": skripti (camunda:script) ei ole sallittu kuuntelijassa eikä syöte- tai "
            + "tulosmuuttujassa; käytä lauseketta ${...}.");
      }
      scriptReported = true;
    } else if ("connector".equals(element)) {
      problems.add(where + ": liittimet (camunda:connector) eivät ole käytössä.");
    } else if ("constraint".equals(element) && "validator".equals(xml.getAttributeValue(null, "name"))) {
      String config = xml.getAttributeValue(null, "config");
      if (config == null || !(config.trim().startsWith("${") || config.trim().startsWith("#{"))) {
        problems.add(where + ": lomakekentän validaattori Java-luokkana ei ole sallittu.");
      }
    }
    for (int i = 0; i < xml.getAttributeCount(); i++) {
      String attribute = xml.getAttributeLocalName(i);
      if ("class".equals(attribute) || attribute.endsWith("Class")) {
        problems.add(where + ": Java-luokka (" + attribute + ") ei ole sallittu; HB:n palvelut kutsutaan "
            + "lausekkeella, esim. camunda:delegateExpression=\"${caseOpening}\".");
      } else if ("scriptFormat".equals(attribute) && !scriptReported) {
        problems.add(where + ": skripti (" + attribute + ") ei ole sallittu.");
      } else if ("language".equals(attribute)) {
        problems.add(where + ": skriptikielinen ehto tai lauseke (language) ei ole sallittu; kirjoita ehto "
            + "lausekkeena ${...} ilman kieltä.");
      }
    }
  }

  private static void checkDmnElement(XMLStreamReader xml, String where, Set<String> problems) {
    for (int i = 0; i < xml.getAttributeCount(); i++) {
      if ("expressionLanguage".equals(xml.getAttributeLocalName(i)) && !allowedDmnLanguage(xml.getAttributeValue(i))) {
        problems.add(where + ": lausekekieli '" + xml.getAttributeValue(i) + "' ei ole sallittu; käytä FEEL:iä "
            + "(oletus) tai JUEL:ia.");
      }
    }
  }

  /** FEEL or JUEL, exactly as the DMN engine tells them from a script language. */
  static boolean allowedDmnLanguage(String language) {
    if (language == null) {
      return true;
    }
    return language.equals(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE)
        || language.toLowerCase(Locale.ROOT).equals(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE)
        || language.equals(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12)
        || language.equals(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13)
        || language.equals(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14)
        || language.equals(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15)
        || language.equalsIgnoreCase(DefaultDmnEngineConfiguration.JUEL_EXPRESSION_LANGUAGE);
  }
}

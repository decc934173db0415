package fi.hbflow.research;

import fi.hbflow.casefile.JsonList;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * The client-work evaluations of one HB case (SOPIVA, <i>asiakastyön arviointi</i>): the Json list variable
 * {@value #VARIABLE}, one entry per evaluation in the order they were made, at the suitability step and at every review.
 * Immutable: {@link #with} gives a new list. The option codes are those of the forms {@code hb-soveltuvuus} and
 * {@code hb-seuranta}; the research export reads only the codes, never the texts.
 */
public final class Evaluations extends JsonList {

  public static final String VARIABLE = "arvioinnit";
  /** The step of an evaluation: HB's suitability ({@code Task_Soveltuvuus}). */
  public static final String SUITABILITY = "soveltuvuus";
  /** The step of an evaluation: a review ({@code Task_Seuranta}). */
  public static final String REVIEW = "seuranta";

  /** Toimintarajoitteen tyyppi (several may apply): code → Finnish label, in the forms' order. */
  public static final Map<String, String> LIMITATIONS = ordered(
      "liikunta", "Liikkuminen (liikuntavamma tai -rajoite)",
      "nako", "Näkeminen (näkövamma)",
      "kuulo", "Kuuleminen (kuulovamma)",
      "kehitysvamma", "Kehitysvamma",
      "neuropsykiatrinen", "Neuropsykiatrinen (esim. autismikirjo, ADHD)",
      "mielenterveys", "Mielenterveys",
      "muu", "Muu");

  /** Hyödyt, joita HB:ssä nähdään: code → Finnish label. */
  public static final Map<String, String> BENEFITS = ordered(
      "itsemaaraaminen", "Asiakas päättää itse enemmän (itsemääräämisoikeus)",
      "osallisuus", "Osallisuus lisääntyy (työ, opiskelu, harrastukset, yhteisö)",
      "tarpeen_mukaiset", "Palvelut vastaavat paremmin tarpeeseen",
      "joustavuus", "Palvelujen ajat ja tavat joustavat",
      "arki_sujuu", "Arki sujuu paremmin, hyvinvointi lisääntyy",
      "laheiset", "Läheisten kuormitus kevenee",
      "muu", "Muu hyöty");

  /** Edellytykset, jotka HB:lle nähdään: code → Finnish label. */
  public static final Map<String, String> PREREQUISITES = ordered(
      "oma_halu", "Asiakas haluaa itse suunnitella ja valita",
      "tuki", "Tukea on saatavilla (läheiset, vertainen, HB-vastuuhenkilö tai järjestö)",
      "palvelutarjonta", "Sopivia palveluja ja tuottajia on tarjolla",
      "budjetti_riittaa", "Budjetti riittää tarpeeseen",
      "ymmarrettava_tieto", "Asiakas saa tiedon ymmärrettävästi (esim. selkokieli, tuettu päätöksenteko)",
      "muu", "Muu edellytys");

  /** One evaluation as the worker recorded it with the client. Free texts may be null. */
  public record Evaluation(String step, LocalDate date, String recordedBy, List<String> limitations,
                           String limitationOther, List<String> benefits, String benefitsDetail,
                           List<String> prerequisites, String prerequisitesDetail, String clientView,
                           String workerView) {

    public Evaluation {
      limitations = List.copyOf(limitations);
      benefits = List.copyOf(benefits);
      prerequisites = List.copyOf(prerequisites);
    }

    ObjectNode toJson() {
      ObjectNode entry = JsonList.JSON.createObjectNode();
      entry.put("vaihe", step);
      entry.put("paiva", date.toString());
      putIfPresent(entry, "kirjaaja", recordedBy);
      limitations.forEach(entry.putArray("toimintarajoitteet")::add);
      putIfPresent(entry, "toimintarajoiteMuu", limitationOther);
      benefits.forEach(entry.putArray("hyodyt")::add);
      putIfPresent(entry, "hyodytTarkennus", benefitsDetail);
      prerequisites.forEach(entry.putArray("edellytykset")::add);
      putIfPresent(entry, "edellytyksetTarkennus", prerequisitesDetail);
      putIfPresent(entry, "asiakkaanNakemys", clientView);
      putIfPresent(entry, "tyontekijanNakemys", workerView);
      return entry;
    }
  }

  private Evaluations(ArrayNode entries) {
    super(entries);
  }

  /**
   * The case's evaluations from the variable's value as the engine gives it (Spin Json, typed JsonValue, JSON text,
   * or null = none yet). {@link IllegalArgumentException} when it is not a JSON list.
   */
  public static Evaluations of(Object variable) {
    return new Evaluations(JsonList.read(variable));
  }

  /** A new list: these evaluations and {@code evaluation} last. */
  public Evaluations with(Evaluation evaluation) {
    return new Evaluations(plus(evaluation.toJson()));
  }

  /** The codes of one structured field ({@code toimintarajoitteet}, {@code hyodyt}, {@code edellytykset}) of an entry. */
  public static List<String> codes(JsonNode entry, String field) {
    List<String> codes = new ArrayList<>();
    if (entry != null && entry.path(field).isArray()) {
      entry.get(field).forEach(code -> codes.add(code.asText()));
    }
    return codes;
  }

  static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null && !value.isBlank()) {
      node.put(field, value);
    }
  }

  private static Map<String, String> ordered(String... codesAndLabels) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < codesAndLabels.length; i += 2) {
      map.put(codesAndLabels[i], codesAndLabels[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }
}

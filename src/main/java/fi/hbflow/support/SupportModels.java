package fi.hbflow.support;

import java.util.Set;

/**
 * The codes of the HB support models (HB-tuen mallit, field {@code tukimalli} of {@code forms/hb-tuen-valinta.form}):
 * one place that the case's step rules and the research export both read, so that neither package reaches into the
 * other.
 */
public final class SupportModels {

  public static final Set<String> CODES = Set.of("LAHEISET", "VERTAISTUKI", "HB_VASTUUHENKILO", "PALVELUOHJAAJA",
      "JARJESTO", "OSTETTU_TUKIPALVELU", "EI_TUKEA");

  private SupportModels() {
  }
}

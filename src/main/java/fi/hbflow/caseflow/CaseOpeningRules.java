package fi.hbflow.caseflow;

import fi.hbflow.forms.FormRules;
import fi.hbflow.forms.FormValues;
import fi.hbflow.identity.AgeGroup;
import fi.hbflow.identity.PersonalIdentityCode;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** Vireilletulo: the start form. Derives the canonical henkilötunnus and the client's age group. */
public class CaseOpeningRules implements FormRules {

  public static final String ACTIVITY = "Vireilletulo";
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{5,20}");

  @Override
  public String activityId() {
    return ACTIVITY;
  }

  @Override
  public void check(FormValues form) {
    form.text("asiakasNimi", "Asiakkaan nimi", true, 2, 200);
    form.text("kotikunta", "Kotikunta", true, 2, 100);
    form.matching("puhelin", "Puhelinnumero", false, PHONE, "numerot, välilyönnit ja + - ( ), 5–20 merkkiä.");
    form.text("osoite", "Osoite", false, 2, 300);
    LocalDate opened = form.pastDate("vireilletulopaiva", "Vireilletulopäivä", true, null, null);
    form.text("tavallisetPalvelutEivatSovi", "Miksi tavanomaiset palvelut eivät sovi", true, 10, FormValues.MAX_TEXT);
    form.text("nykyisetPalvelut", "Nykyiset palvelut", false);
    Object typed = form.raw("henkilotunnus");
    try {
      PersonalIdentityCode code = PersonalIdentityCode.parse(typed == null ? null : typed.toString());
      form.derive("henkilotunnus", code.value());
      if (code.birthDate().isAfter(form.today())) {
        form.problem("Henkilötunnuksen syntymäaika " + code.birthDate() + " on tulevaisuudessa.");
      } else {
        form.derive("ikaryhma", AgeGroup.on(code, opened != null ? opened : form.today()));
      }
    } catch (PersonalIdentityCode.InvalidIdentityCodeException e) {
      form.problem(e.getMessage());
    }
  }
}

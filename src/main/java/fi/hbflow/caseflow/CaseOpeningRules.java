package fi.hbflow.caseflow;

import fi.hbflow.casefile.HbCaseFile;
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
    form.text(HbCaseFile.CLIENT_NAME, "Asiakkaan nimi", true, 2, 200);
    form.text(HbCaseFile.MUNICIPALITY, "Kotikunta", true, 2, 100);
    form.matching(HbCaseFile.PHONE, "Puhelinnumero", false, PHONE, "numerot, välilyönnit ja + - ( ), 5–20 merkkiä.");
    form.text(HbCaseFile.ADDRESS, "Osoite", false, 2, 300);
    LocalDate opened = form.pastDate(HbCaseFile.PENDING_SINCE, "Vireilletulopäivä", true, null, null);
    form.text(HbCaseFile.ORDINARY_SERVICES_DO_NOT_FIT, "Miksi tavanomaiset palvelut eivät sovi", true, 10, FormValues.MAX_TEXT);
    form.text(HbCaseFile.CURRENT_SERVICES, "Nykyiset palvelut", false);
    Object typed = form.raw(HbCaseFile.PERSONAL_IDENTITY_CODE);
    try {
      PersonalIdentityCode code = PersonalIdentityCode.parse(typed == null ? null : typed.toString());
      form.derive(HbCaseFile.PERSONAL_IDENTITY_CODE, code.value());
      if (code.birthDate().isAfter(form.today())) {
        form.problem("Henkilötunnuksen syntymäaika " + code.birthDate() + " on tulevaisuudessa.");
      } else {
        form.derive(HbCaseFile.AGE_GROUP, AgeGroup.on(code, opened != null ? opened : form.today()));
      }
    } catch (PersonalIdentityCode.InvalidIdentityCodeException e) {
      form.problem(e.getMessage());
    }
  }
}

package fi.hbflow.identity;

import java.time.LocalDate;

/** Ikäryhmä, an input of the delegation rules: lapsi (under 18), aikuinen (18–64), ikaantynyt (65 and over). */
public final class AgeGroup {

  private AgeGroup() {
  }

  public static String on(PersonalIdentityCode code, LocalDate day) {
    int age = code.ageOn(day);
    if (age < 18) {
      return "lapsi";
    }
    return age < 65 ? "aikuinen" : "ikaantynyt";
  }
}

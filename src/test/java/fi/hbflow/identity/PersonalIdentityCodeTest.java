package fi.hbflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PersonalIdentityCodeTest {

  @ParameterizedTest
  @CsvSource({
      "131052-308T, 1952-10-13",   // DVV's classic example
      "010594Y9021, 1994-05-01",   // 2023 sign Y (1900s)
      "020594X903P, 1994-05-02",
      "020594W903P, 1994-05-02",
      "020594V903P, 1994-05-02",
      "020594U903P, 1994-05-02",
      "010594-9021, 1994-05-01",   // the same person before 2023: same check character
      "010516A901V, 2016-05-01",   // 2000s
      "010516B901V, 2016-05-01",   // 2023 sign B (2000s)
      "010516F901V, 2016-05-01",
      "010185+123B, 1885-01-01"})  // 1800s
  void acceptsValidCodesAndReadsTheBirthDate(String code, LocalDate birthDate) {
    assertThat(PersonalIdentityCode.parse(code).birthDate()).isEqualTo(birthDate);
  }

  @Test
  void lowerCaseAndSpacesAreNormalised() {
    assertThat(PersonalIdentityCode.parse(" 131052-308t ").value()).isEqualTo("131052-308T");
  }

  @Test
  void wrongCheckCharacterIsNamed() {
    assertThatThrownBy(() -> PersonalIdentityCode.parse("131052-308U"))
        .hasMessageContaining("tarkiste").hasMessageContaining("'T'");
  }

  @ParameterizedTest
  @CsvSource({"131052*308T", "13105-308T", "131052-308TT", "131052G308T", "abcdef-ghiJ"})
  void wrongFormatOrCenturySignIsRefused(String code) {
    assertThatThrownBy(() -> PersonalIdentityCode.parse(code)).hasMessageContaining("väärän muotoinen");
  }

  @Test
  void impossibleDateIsRefused() {
    String body = "310290-123"; // 31 February
    String code = body + PersonalIdentityCode.checkCharacter("310290123");
    assertThatThrownBy(() -> PersonalIdentityCode.parse(code)).hasMessageContaining("ei ole olemassa");
  }

  @Test
  void individualNumbersBelow002AreRefused() {
    String code = "010190-001" + PersonalIdentityCode.checkCharacter("010190001");
    assertThatThrownBy(() -> PersonalIdentityCode.parse(code)).hasMessageContaining("yksilönumero");
  }

  @Test
  void missingCodeIsRefused() {
    assertThatThrownBy(() -> PersonalIdentityCode.parse("  ")).hasMessage("Henkilötunnus puuttuu.");
    assertThat(PersonalIdentityCode.tryParse(null)).isEmpty();
  }

  @Test
  void ageAndAgeGroupOnADay() {
    PersonalIdentityCode code = PersonalIdentityCode.parse("010516A901V");
    assertThat(code.ageOn(LocalDate.of(2034, 4, 30))).isEqualTo(17);
    assertThat(AgeGroup.on(code, LocalDate.of(2034, 4, 30))).isEqualTo("lapsi");
    assertThat(AgeGroup.on(code, LocalDate.of(2034, 5, 1))).isEqualTo("aikuinen");
    assertThat(AgeGroup.on(PersonalIdentityCode.parse("131052-308T"), LocalDate.of(2026, 1, 1))).isEqualTo("ikaantynyt");
  }

  @Test
  void toStringHidesTheIndividualPart() {
    assertThat(PersonalIdentityCode.parse("131052-308T").toString()).doesNotContain("308");
  }
}

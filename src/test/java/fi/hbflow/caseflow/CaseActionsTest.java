package fi.hbflow.caseflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hbflow.identity.Roles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may act on a whole case: the REST routes and the Tasklist start form {@code hb-asian-muutos} alike. */
class CaseActionsTest {

  @Test
  void theCaseSocialWorkersAndTheAdministratorsMayActTheyAreTheStartersOfTheTasklistAction() {
    assertThat(CaseActions.ALLOWED_GROUPS).containsExactlyInAnyOrder(Roles.SOCIAL_WORK, Roles.LEADING_SOCIAL_WORKERS,
        "camunda-admin");
    assertThat(Roles.startersOf(Roles.CASE_CHANGE_PROCESS)).containsExactlyInAnyOrder(Roles.SOCIAL_WORK,
        Roles.LEADING_SOCIAL_WORKERS);
  }

  @Test
  void anyoneElseOrNobodyIsRefusedWithTheKindTheRoutesAnswer() {
    assertThatThrownBy(() -> CaseActions.refuseCaller(new CaseActions.Caller("pia", List.of(Roles.SERVICE_COORDINATION,
        Roles.HB_RESPONSIBLE)), "päättää HB:tä")).isInstanceOfSatisfying(CaseActionRefused.class, e -> {
          assertThat(e.kind()).isEqualTo(CaseActionRefused.Kind.NOT_ALLOWED);
          assertThat(e.getMessage()).startsWith("Sinulla ei ole oikeutta päättää HB:tä");
        });
    assertThatThrownBy(() -> CaseActions.refuseCaller(new CaseActions.Caller("x", null), "pyytää seurantaa"))
        .isInstanceOfSatisfying(CaseActionRefused.class,
            e -> assertThat(e.kind()).isEqualTo(CaseActionRefused.Kind.NOT_ALLOWED));
    assertThatThrownBy(() -> CaseActions.refuseCaller(new CaseActions.Caller(null, List.of(Roles.SOCIAL_WORK)),
        "pyytää seurantaa")).isInstanceOfSatisfying(CaseActionRefused.class,
            e -> assertThat(e.kind()).isEqualTo(CaseActionRefused.Kind.NOT_LOGGED_IN));
    CaseActions.refuseCaller(new CaseActions.Caller("johanna", List.of("muu-ryhma", Roles.LEADING_SOCIAL_WORKERS)),
        "päättää HB:tä");
  }
}

package fi.hbflow;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The application's shape (issue 19), on the production classes (tests may move the engine clock and build engines):
 * <ul>
 *   <li>engine internals ({@code org.camunda.bpm.engine.impl..}) only in {@code fi.hbflow.engine}, behind small named
 *       classes there ({@code EngineContext}, {@code CurrentUser}, {@code FormRefusals}, {@code RunningInstances},
 *       the plugins), so that an engine upgrade or an API-compatible fork touches one package;</li>
 *   <li>no cycle between fi.hbflow's top-level packages;</li>
 *   <li>case variables are read through the case files: {@code forms.FormValues} is for checking a submitted form, so
 *       the case files and the legal clocks (which read stored values only) do not use it.</li>
 * </ul>
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("fi.hbflow");
  }

  @Test
  void engineInternalsOnlyInTheEnginePackage() {
    // the Cockpit plugin needs none: its resource reads the login from the engine's identity service (CurrentUser)
    noClasses().that().resideOutsideOfPackage("fi.hbflow.engine..")
        .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
        .because("engine internals are reached only through fi.hbflow.engine (issue 19)")
        .check(classes);
  }

  @Test
  void storedCaseValuesAreNotReadAsForms() {
    noClasses().that().resideInAnyPackage("fi.hbflow.casefile..", "fi.hbflow.calendar..")
        .should().dependOnClassesThat().haveFullyQualifiedName("fi.hbflow.forms.FormValues")
        .because("a case's stored variables are read through its case file (issue 19); FormValues checks forms")
        .check(classes);
  }

  @Test
  void noCycleBetweenTopLevelPackages() {
    slices().matching("fi.hbflow.(*)..").should().beFreeOfCycles()
        // Known and left (issue 19, not yet broken): the engine plugins plug domain rules into the engine
        // (FormContractPlugin → forms.FormContract, ReadAccessLogPlugin/ReadCommands → accesslog), while those
        // packages use the engine's small facades (EngineContext, CurrentUser, FormRefusals); and forms.FormValues
        // formats euros with budget.Money while the budget's form rules use forms. Remove an ignore when its cycle is
        // broken; any other cycle (e.g. caseflow ↔ research, broken by support.SupportModels) fails this test.
        .ignoreDependency(inPackage("fi.hbflow.engine"), inPackage("fi.hbflow.forms"))
        .ignoreDependency(inPackage("fi.hbflow.engine"), inPackage("fi.hbflow.accesslog"))
        .ignoreDependency(inPackage("fi.hbflow.forms"), inPackage("fi.hbflow.budget"))
        .check(classes);
  }

  private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> inPackage(String name) {
    return describe("in " + name, c -> c.getPackageName().equals(name) || c.getPackageName().startsWith(name + "."));
  }
}

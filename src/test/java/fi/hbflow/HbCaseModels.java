package fi.hbflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.bpm.engine.test.Deployment;

/**
 * The deployment of the model tests that drive an HB case: the service process with the processes it calls and the
 * tables it reads (and, added by {@link FormsInDeployment}, every form). Camunda's own test helper reads no
 * meta-annotation; {@link FormsInDeployment}, the extension of {@link TestEngine#extension()}, does.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Deployment(resources = {"processes/hb-palveluprosessi.bpmn", "processes/hb-tuen-valinta.bpmn",
    "processes/hb-maaraikavalvonta.bpmn", "processes/hb-budjetin-kaytto.bpmn", "processes/hb-yksikkohinnat.dmn",
    "processes/hb-palvelukoodit.dmn", "processes/hb-delegointisaannot.dmn", "processes/hb-tehtavien-reititys.dmn",
    "processes/hb-maaraajat.dmn"})
public @interface HbCaseModels {
}

package fi.hbflow.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Runs before the engine's own deployers on every new deployment (REST, Camunda Modeler, the application's
 * auto-deployment): refuses one that breaks {@link ModelRules} with HTTP 400 and the Finnish problems, nothing
 * stored; and logs an accepted one with its author and diff ({@link DeploymentLog}) once it has committed.
 * Definitions the engine loads again from earlier deployments are not checked again.
 */
public class ModelCheckDeployer implements Deployer {

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      problems.addAll(ModelRules.check(resource.getName(), resource.getBytes()));
    }
    if (!problems.isEmpty()) {
      throw new NotValidException(ModelRules.message(problems));
    }
    CommandContext command = Context.getCommandContext();
    List<DeploymentLog.Resource> resources = new ArrayList<>();
    for (ResourceEntity resource : new TreeMap<>(deployment.getResources()).values()) {
      resources.add(withEarlier(command, deployment.getId(), resource));
    }
    List<String> entries = DeploymentLog.entries(command.getAuthenticatedUserId(), deployment.getName(),
        deployment.getId(), resources);
    command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
        committed -> DeploymentLog.log(entries));
  }

  /** The resource with the latest resource of the same name in an earlier deployment (the engine's tables). */
  static DeploymentLog.Resource withEarlier(CommandContext command, String deploymentId, ResourceEntity resource) {
    String prefix = Context.getProcessEngineConfiguration().getDatabaseTablePrefix();
    String sql = "select B.DEPLOYMENT_ID_, B.BYTES_ from " + prefix + "ACT_GE_BYTEARRAY B join " + prefix
        + "ACT_RE_DEPLOYMENT D on D.ID_ = B.DEPLOYMENT_ID_ where B.NAME_ = ? and B.DEPLOYMENT_ID_ <> ? "
        + "order by D.DEPLOY_TIME_ desc";
    // the engine's own connection and transaction: this deployment's rows are not written yet
    Connection connection = command.getDbSqlSession().getSqlSession().getConnection();
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setMaxRows(1);
      query.setString(1, resource.getName());
      query.setString(2, deploymentId);
      try (ResultSet row = query.executeQuery()) {
        if (row.next()) {
          return new DeploymentLog.Resource(resource.getName(), resource.getBytes(), row.getString(1),
              row.getBytes(2));
        }
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Cannot read the earlier version of " + resource.getName(), e);
    }
    return new DeploymentLog.Resource(resource.getName(), resource.getBytes(), null, null);
  }
}

package fi.hbflow.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task query's authorization check as subqueries (see {@code fi/hbflow/engine/task-query-authorization.xml}):
 * Camunda 7.24 joins the authorization table to the tasks with an OR of three columns, which no database can hash or
 * merge, so a group's Tasklist filter costs (its open tasks) × (its authorization rows, one per routed task) — over two
 * minutes at 38 000 open tasks of one group in PostgreSQL. The same rule as subqueries reads each authorization row
 * once. Likewise the engine's look-up of the groups that have any authorization, asked in every command of a
 * logged-in user, walks the group index instead of reading every authorization row.
 *
 * <p>At engine start the plugin reads the engine's own {@code Task.xml} from its jar, takes the task query's SQL
 * fragment, removes the join and puts our check where the engine's check was, and registers the two statements
 * (list and count) under the engine's names. Nothing else of the engine changes. If the engine's text is not what
 * this was written for (another engine version), the engine's own SQL stays and the start says so in the log:
 * {@code TaskQueryAuthorizationTest} fails then, so an upgrade cannot lose it silently. Only for H2 and PostgreSQL,
 * the databases HB Flow runs on. A fork with the same fix (CIB seven, Operaton) makes this class unnecessary.
 */
public class TaskQueryAuthorizationPlugin extends AbstractProcessEnginePlugin {

  static final Logger LOG = LoggerFactory.getLogger(TaskQueryAuthorizationPlugin.class);
  static final String TASK = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.";
  static final String AUTHORIZATION = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.";
  static final String NAMESPACE = "fi.hbflow.engine.TaskQueryAuthorization";
  /** The resource name our statements are registered under (a test checks the engine uses them). */
  public static final String RESOURCE = "hbflow:task-query-authorization";
  static final Set<String> DATABASES = Set.of("h2", "postgres");

  static final Pattern AUTH_JOIN = Pattern.compile(
      "<if test=\"authCheck\\.shouldPerformAuthorizatioCheck &amp;&amp; authCheck\\.authUserId != null\">\\s*"
          + "<if test=\"!authCheck\\.revokeAuthorizationCheckEnabled\">\\s*"
          + "<include refid=\"org\\.camunda\\.bpm\\.engine\\.impl\\.persistence\\.entity\\.AuthorizationEntity"
          + "\\.authCheckJoinWithoutOnClause\" />\\s*"
          + "AUTH ON \\(AUTH\\.RESOURCE_ID_ \\$\\{authJoinStart} RES\\.ID_ \\$\\{authJoinSeparator} D\\.KEY_ "
          + "\\$\\{authJoinSeparator} '\\*' \\$\\{authJoinEnd}\\)\\s*</if>\\s*</if>");
  static final String ENGINE_CHECK =
      "<include refid=\"org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.contextualAuthorizationCheck\" />";
  static final String OUR_CHECK = "<include refid=\"" + NAMESPACE + ".taskAuthorizationCheck\" />";

  @Override
  public void postInit(ProcessEngineConfigurationImpl engine) {
    if (!DATABASES.contains(engine.getDatabaseType())) {
      LOG.info("Task query authorization: the engine's own SQL on {}", engine.getDatabaseType());
      return;
    }
    String mapper;
    try {
      mapper = mapper(resource("org/camunda/bpm/engine/impl/mapping/entity/Task.xml"),
          resource("fi/hbflow/engine/task-query-authorization.xml"));
    } catch (IllegalStateException e) {
      LOG.warn("Task query authorization: the engine's own SQL stays ({}); Tasklist's group lists will be slow "
          + "with many open tasks", e.getMessage());
      return;
    }
    install(engine.getSqlSessionFactory().getConfiguration(), mapper);
    LOG.info("Task query authorization: subqueries instead of the authorization join (task list and count), "
        + "authorized groups by index");
  }

  /** Our mapper: our check, and the engine's task query with the join removed and our check in place of its own. */
  static String mapper(String taskXml, String ours) {
    String fragment = element(taskXml, "<sql id=\"selectTaskByQueryCriteriaSql\">", "</sql>");
    Matcher join = AUTH_JOIN.matcher(fragment);
    if (!join.find() || join.find(join.end())) {
      throw new IllegalStateException("the task query's authorization join is not the one of Camunda 7.24");
    }
    fragment = AUTH_JOIN.matcher(fragment).replaceFirst("");
    if (fragment.indexOf(ENGINE_CHECK) < 0 || fragment.indexOf(ENGINE_CHECK) != fragment.lastIndexOf(ENGINE_CHECK)) {
      throw new IllegalStateException("the task query's authorization check is not the one of Camunda 7.24");
    }
    fragment = fragment.replace(ENGINE_CHECK, OUR_CHECK);
    String list = element(taskXml, "<select id=\"selectTaskByQueryCriteria\" ", "</select>");
    String count = element(taskXml, "<select id=\"selectTaskCountByQueryCriteria\" ", "</select>");
    String fragments = element(ours, "<sql id=\"taskAuthorizationCheck\">", "</sql>")
        + "\n" + element(ours, "<sql id=\"grantedResourceIds\">", "</sql>")
        + "\n" + element(ours, "<select id=\"hbSelectAuthorizedGroupIds\"", "</select>");
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
        + "<!DOCTYPE mapper PUBLIC \"-//mybatis.org//DTD Mapper 3.0//EN\" \"http://mybatis.org/dtd/mybatis-3-mapper.dtd\">\n"
        + "<mapper namespace=\"" + NAMESPACE + "\">\n" + fragments + "\n" + fragment + "\n"
        + qualified(list.replace("id=\"selectTaskByQueryCriteria\"", "id=\"hbSelectTaskByQueryCriteria\"")) + "\n"
        + qualified(count.replace("id=\"selectTaskCountByQueryCriteria\"", "id=\"hbSelectTaskCountByQueryCriteria\""))
        + "\n</mapper>\n";
  }

  /** The statements refer to the engine's fragments and result map by their short names: name them in full. */
  private static String qualified(String statement) {
    return statement
        .replace("resultMap=\"taskResultMap\"", "resultMap=\"" + TASK + "taskResultMap\"")
        .replace("<include refid=\"columnSelection\"/>", "<include refid=\"" + TASK + "columnSelection\"/>")
        .replace("<include refid=\"selectTaskByQueryCriteriaSql\"/>",
            "<include refid=\"" + NAMESPACE + ".selectTaskByQueryCriteriaSql\"/>");
  }

  private static void install(Configuration mybatis, String mapper) {
    new XMLMapperBuilder(new ByteArrayInputStream(mapper.getBytes(StandardCharsets.UTF_8)), mybatis, RESOURCE,
        mybatis.getSqlFragments()).parse();
    Map<String, MappedStatement> statements = mappedStatements(mybatis);
    for (String name : new String[] {TASK + "selectTaskByQueryCriteria", TASK + "selectTaskCountByQueryCriteria",
        AUTHORIZATION + "selectAuthorizedGroupIds"}) {
      String shortName = name.substring(name.lastIndexOf('.') + 1);
      MappedStatement ours = mybatis.getMappedStatement(NAMESPACE + ".hb" + Character.toUpperCase(shortName.charAt(0))
          + shortName.substring(1));
      // the engine asks for the short name; MyBatis' map refuses to overwrite, so the old entries go first
      statements.remove(name);
      statements.remove(shortName);
      statements.put(name, ours);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, MappedStatement> mappedStatements(Configuration mybatis) {
    try {
      Field field = Configuration.class.getDeclaredField("mappedStatements");
      field.setAccessible(true);
      return (Map<String, MappedStatement>) field.get(mybatis);
    } catch (ReflectiveOperationException e) {
      throw new ProcessEngineException("MyBatis' statements are not reachable", e);
    }
  }

  private static String element(String xml, String start, String end) {
    int from = xml.indexOf(start);
    int to = from < 0 ? -1 : xml.indexOf(end, from);
    if (from < 0 || to < 0) {
      throw new IllegalStateException("'" + start + "' not found");
    }
    return xml.substring(from, to + end.length());
  }

  static String resource(String path) {
    try (InputStream in = TaskQueryAuthorizationPlugin.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(path + ": " + e.getMessage());
    }
  }
}

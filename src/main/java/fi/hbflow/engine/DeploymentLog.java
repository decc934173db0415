package fi.hbflow.engine;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of deployments (logger {@code fi.hbflow.deployments}, INFO): who deployed what, and for each resource whose
 * content changed a unified diff against the latest earlier resource of the same name ("uusi" for a new one). One
 * entry for the deployment, one for each new or changed resource. Names come from the deployer; their control
 * characters are shown escaped, so they cannot forge lines of the log.
 */
public final class DeploymentLog {

  static final Logger LOG = LoggerFactory.getLogger("fi.hbflow.deployments");
  /** At most this many lines of diff per resource; the rest is counted. */
  static final int MAX_DIFF_LINES = 2000;

  private DeploymentLog() {
  }

  /** One resource of a deployment, with the latest earlier resource of its name (null content: none). */
  public record Resource(String name, byte[] content, String earlierDeploymentId, byte[] earlierContent) {
  }

  /** The log entries of a deployment. {@code author} null: the application itself (its auto-deployment). */
  public static List<String> entries(String author, String deploymentName, String deploymentId,
      List<Resource> resources) {
    String who = author == null ? "sovellus (automaattinen käyttöönotto)" : clean(author);
    String what = "Käyttöönotto '" + clean(deploymentName) + "' (" + clean(deploymentId) + "), tekijä " + who;
    List<String> details = new ArrayList<>();
    int added = 0;
    int changed = 0;
    int same = 0;
    for (Resource r : resources) {
      String name = clean(r.name());
      if (r.earlierContent() == null) {
        added++;
        details.add(what + ": " + name + " uusi (" + r.content().length + " tavua)");
      } else if (Arrays.equals(r.earlierContent(), r.content())) {
        same++;
      } else {
        changed++;
        details.add(what + ": " + name + " muuttui:\n" + diff(name, r, deploymentId));
      }
    }
    List<String> entries = new ArrayList<>();
    entries.add(what + ": " + resources.size() + " resurssia, uusia " + added + ", muuttuneita " + changed
        + ", ennallaan " + same);
    entries.addAll(details);
    return entries;
  }

  /** Writes the entries to the log. */
  public static void log(List<String> entries) {
    entries.forEach(LOG::info);
  }

  static String diff(String name, Resource r, String deploymentId) {
    String before = text(r.earlierContent());
    String after = text(r.content());
    if (before == null || after == null) {
      return "(binäärinen: " + r.earlierContent().length + " tavua -> " + r.content().length + " tavua)";
    }
    List<String> hunks = UnifiedDiff.hunks(UnifiedDiff.lines(before), UnifiedDiff.lines(after));
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(name).append("\t(käyttöönotto ").append(clean(r.earlierDeploymentId())).append(")\n");
    out.append("+++ ").append(name).append("\t(käyttöönotto ").append(clean(deploymentId)).append(")");
    if (hunks.isEmpty()) {
      out.append("\n(vain rivinvaihdot muuttuivat)");
    }
    int shown = Math.min(hunks.size(), MAX_DIFF_LINES);
    for (int i = 0; i < shown; i++) {
      out.append('\n').append(cleanLine(hunks.get(i)));
    }
    if (hunks.size() > shown) {
      out.append("\n(… ").append(hunks.size() - shown).append(" riviä lisää)");
    }
    return out.toString();
  }

  /** The content as UTF-8 text, or null when it is not text (invalid UTF-8, or a NUL byte). */
  static String text(byte[] content) {
    for (byte b : content) {
      if (b == 0) {
        return null;
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** A name for one line of the log: control characters shown as \\uXXXX. */
  static String clean(String value) {
    return value == null ? "-" : escape(value, false);
  }

  /** A line of a diff: its control characters but tabs shown as \\uXXXX. */
  static String cleanLine(String value) {
    return escape(value, true);
  }

  private static String escape(String value, boolean keepTabs) {
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      if (Character.isISOControl(c) && !(keepTabs && c == '\t')) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}

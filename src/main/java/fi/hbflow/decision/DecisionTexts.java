package fi.hbflow.decision;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standard sentences of the written decisions (provisions applied, validity, enforcement, rectification and appeal
 * instructions), kept in {@value #RESOURCE} for the process owner to edit, not in Java. The file is a list of
 * sections: {@code [name]} starts one, the lines below it are its text; a blank line separates paragraphs, "- " starts
 * a list item, {@code #} starts a comment, {@code {name}} is replaced with a value of the case.
 */
public final class DecisionTexts {

  public static final String RESOURCE = "processes/tekstit/hb-paatostekstit.txt";
  private static final Pattern SECTION = Pattern.compile("^\\[([^\\]]+)\\]\\s*$");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)\\}");
  private static volatile DecisionTexts standard;

  /** A paragraph or a list. */
  public record Block(boolean list, List<String> lines) {
  }

  private final Map<String, List<Block>> sections;

  DecisionTexts(Map<String, List<Block>> sections) {
    this.sections = sections;
  }

  /** The texts of {@value #RESOURCE} on the classpath, read once. */
  public static DecisionTexts standard() {
    DecisionTexts texts = standard;
    if (texts == null) {
      texts = load(RESOURCE);
      standard = texts;
    }
    return texts;
  }

  /**
   * Another texts file of the same format on the classpath (e.g. {@code processes/tekstit/hb-lokiote.txt}, the
   * client's log extract), read now.
   */
  public static DecisionTexts load(String resource) {
    try (InputStream in = DecisionTexts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Vakiotekstit puuttuvat: " + resource);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Texts of this format from a string (tests, and files read elsewhere). */
  public static DecisionTexts parse(String file) {
    Map<String, List<Block>> sections = new LinkedHashMap<>();
    List<Block> current = null;
    Block block = null;
    try (BufferedReader reader = new BufferedReader(new java.io.StringReader(file))) {
      for (String raw; (raw = reader.readLine()) != null; ) {
        String line = raw.strip();
        if (line.startsWith("#")) {
          continue;
        }
        Matcher section = SECTION.matcher(line);
        if (section.matches()) {
          current = new ArrayList<>();
          sections.put(section.group(1).strip(), current);
          block = null;
          continue;
        }
        if (current == null) {
          continue;
        }
        if (line.isEmpty()) {
          block = null;
          continue;
        }
        boolean item = line.startsWith("- ");
        if (block == null || block.list() != item) {
          block = new Block(item, new ArrayList<>());
          current.add(block);
        }
        String text = item ? line.substring(2).strip() : line;
        if (!item && !block.lines().isEmpty()) { // a paragraph's lines are one text
          int last = block.lines().size() - 1;
          block.lines().set(last, block.lines().get(last) + " " + text);
        } else {
          block.lines().add(text);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DecisionTexts(sections);
  }

  /** The section's blocks with the placeholders filled in; a missing value leaves "–". */
  public List<Block> section(String name, Map<String, String> values) {
    List<Block> blocks = sections.get(name);
    if (blocks == null) {
      throw new IllegalStateException("Vakioteksteistä puuttuu osio [" + name + "].");
    }
    return blocks.stream().map(b -> new Block(b.list(), b.lines().stream().map(l -> fill(l, values)).toList()))
        .toList();
  }

  public boolean has(String name) {
    return sections.containsKey(name);
  }

  /** The names of the sections, in file order. */
  public List<String> names() {
    return List.copyOf(sections.keySet());
  }

  private static String fill(String line, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(line);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      m.appendReplacement(b, Matcher.quoteReplacement(v == null || v.isBlank() ? "–" : v));
    }
    m.appendTail(b);
    return b.toString();
  }
}

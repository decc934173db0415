package fi.hbflow.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts in the unified format ({@code diff -u}): hunks with three lines of context, headed
 * {@code @@ -a,b +c,d @@}. The common beginning and end are set aside first, and the rest is compared by longest common
 * subsequence; when that rest is too large to compare line by line (over {@link #MAX_CELLS} pairs) it is shown as one
 * hunk that removes the old lines and adds the new ones — still a correct diff, only not the shortest.
 */
public final class UnifiedDiff {

  static final int CONTEXT = 3;
  static final long MAX_CELLS = 4_000_000L;

  private UnifiedDiff() {
  }

  enum Op { SAME, REMOVED, ADDED }

  /** One line of the edit script, with its 0-based line numbers in the old and the new text. */
  record Edit(Op op, String line, int oldLine, int newLine) {
  }

  /** The lines of a text: split at line ends ({@code \n} or {@code \r\n}), without a last empty line. */
  public static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    if (text.isEmpty()) {
      return lines;
    }
    for (String line : text.split("\n", -1)) {
      lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
    if (text.endsWith("\n")) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  /** The hunks (each {@code @@} line followed by its lines), or an empty list when the texts have the same lines. */
  public static List<String> hunks(List<String> before, List<String> after) {
    List<Edit> edits = edits(before, after);
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < edits.size()) {
      if (edits.get(i).op() == Op.SAME) {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      // extend the hunk while the next change is within 2 × CONTEXT unchanged lines
      int j = i;
      while (j < edits.size()) {
        if (edits.get(j).op() != Op.SAME) {
          end = j;
          j++;
          continue;
        }
        int k = j;
        while (k < edits.size() && edits.get(k).op() == Op.SAME) {
          k++;
        }
        if (k < edits.size() && k - j <= 2 * CONTEXT) {
          j = k;
        } else {
          break;
        }
      }
      int stop = Math.min(edits.size(), end + 1 + CONTEXT);
      out.add(header(edits, start, stop));
      for (int e = start; e < stop; e++) {
        Edit edit = edits.get(e);
        out.add((edit.op() == Op.SAME ? " " : edit.op() == Op.REMOVED ? "-" : "+") + edit.line());
      }
      i = stop;
    }
    return out;
  }

  private static String header(List<Edit> edits, int start, int stop) {
    int oldCount = 0;
    int newCount = 0;
    for (int e = start; e < stop; e++) {
      Op op = edits.get(e).op();
      if (op != Op.ADDED) {
        oldCount++;
      }
      if (op != Op.REMOVED) {
        newCount++;
      }
    }
    Edit first = edits.get(start);
    int oldStart = oldCount == 0 ? first.oldLine() : first.oldLine() + 1;
    int newStart = newCount == 0 ? first.newLine() : first.newLine() + 1;
    return "@@ -" + range(oldStart, oldCount) + " +" + range(newStart, newCount) + " @@";
  }

  private static String range(int start, int count) {
    return count == 1 ? String.valueOf(start) : start + "," + count;
  }

  /** The edit script turning {@code before} into {@code after}. */
  static List<Edit> edits(List<String> before, List<String> after) {
    int prefix = 0;
    while (prefix < before.size() && prefix < after.size() && before.get(prefix).equals(after.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < before.size() - prefix && suffix < after.size() - prefix
        && before.get(before.size() - 1 - suffix).equals(after.get(after.size() - 1 - suffix))) {
      suffix++;
    }
    List<Edit> edits = new ArrayList<>();
    for (int i = 0; i < prefix; i++) {
      edits.add(new Edit(Op.SAME, before.get(i), i, i));
    }
    List<String> a = before.subList(prefix, before.size() - suffix);
    List<String> b = after.subList(prefix, after.size() - suffix);
    if ((long) a.size() * b.size() <= MAX_CELLS) {
      middleByLcs(a, b, prefix, edits);
    } else {
      for (int i = 0; i < a.size(); i++) {
        edits.add(new Edit(Op.REMOVED, a.get(i), prefix + i, prefix));
      }
      for (int j = 0; j < b.size(); j++) {
        edits.add(new Edit(Op.ADDED, b.get(j), prefix + a.size(), prefix + j));
      }
    }
    for (int s = suffix; s > 0; s--) {
      edits.add(new Edit(Op.SAME, before.get(before.size() - s), before.size() - s, after.size() - s));
    }
    return edits;
  }

  private static void middleByLcs(List<String> a, List<String> b, int offset, List<Edit> edits) {
    int n = a.size();
    int m = b.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        edits.add(new Edit(Op.SAME, a.get(i), offset + i, offset + j));
        i++;
        j++;
      } else if (j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j])) {
        edits.add(new Edit(Op.ADDED, b.get(j), offset + i, offset + j));
        j++;
      } else {
        edits.add(new Edit(Op.REMOVED, a.get(i), offset + i, offset + j));
        i++;
      }
    }
  }
}

package fi.hbflow.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PseudonymTest {

  static final String KEY = "test-key-0123456789abcdef";

  @Test
  void theSameKeyAndCaseGiveTheSamePseudonym() {
    assertThat(new Pseudonyms(KEY).of("HB-2026-000001")).isEqualTo(new Pseudonyms(KEY).of("HB-2026-000001"))
        .matches("[0-9a-f]{64}");
  }

  @Test
  void anotherCaseOrAnotherKeyGivesAnotherPseudonym() {
    Pseudonyms pseudonyms = new Pseudonyms(KEY);
    assertThat(pseudonyms.of("HB-2026-000001")).isNotEqualTo(pseudonyms.of("HB-2026-000002"));
    assertThat(new Pseudonyms("another-key-0123456789").of("HB-2026-000001")).isNotEqualTo(pseudonyms.of("HB-2026-000001"));
  }

  @Test
  void thePseudonymIsNeitherTheBusinessKeyNorAPlainHashThatCouldBeComputedWithoutTheKey() throws Exception {
    String key = "HB-2026-000001";
    String pseudonym = new Pseudonyms(KEY).of(key);
    assertThat(pseudonym).doesNotContain(key).doesNotContain("2026").doesNotContain("000001");
    assertThat(pseudonym).isNotEqualTo(sha256(key)).isNotEqualTo(sha256(KEY + key)).isNotEqualTo(sha256(key + KEY))
        .isNotEqualTo(sha256(KEY));
  }

  @Test
  void itIsHmacSha256() {
    // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?" (the key is shorter than the application
    // accepts, so the vector is checked with the JDK's HMAC the class uses, and the class with a long key below)
    assertThat(hmac("Jefe", "what do ya want for nothing?"))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    assertThat(new Pseudonyms(KEY).of("HB-2026-000001")).isEqualTo(hmac(KEY, "HB-2026-000001"));
  }

  @Test
  void aMissingOrShortKeyIsRefused() {
    assertThat(Pseudonyms.usable(null)).isFalse();
    assertThat(Pseudonyms.usable("  ")).isFalse();
    assertThat(Pseudonyms.usable("lyhyt")).isFalse();
    assertThat(Pseudonyms.usable(KEY)).isTrue();
    assertThatThrownBy(() -> new Pseudonyms("")).isInstanceOf(IllegalArgumentException.class);
  }

  private static String sha256(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  private static String hmac(String key, String data) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

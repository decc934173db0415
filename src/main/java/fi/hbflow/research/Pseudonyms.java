package fi.hbflow.research;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The research pseudonym of an HB case: HMAC-SHA256 of the case's business key with a secret key (property
 * {@code hbflow.research.pseudonym-key}), as 64 lower-case hex characters. The same key gives the same pseudonym for a
 * case in every export (so THL can follow a case across exports); without the key it can be neither computed from the
 * business key nor reversed. Whoever holds the key and the case register can re-identify: the key is a secret of the
 * controller, kept apart from the data and never given to the recipients of the export.
 */
public final class Pseudonyms {

  public static final String ALGORITHM = "HmacSHA256";
  /**
   * The development key of the demo profile (application.yaml). It is in the source code, so pseudonyms made with it
   * can be computed by anyone: the export accepts it only while the demo users are on.
   */
  public static final String DEV_KEY = "dev-only-pseudonym-key-not-for-real-data";
  /** A shorter key is refused: it could be guessed. */
  public static final int MIN_KEY_LENGTH = 16;

  private final SecretKeySpec key;

  /** {@link IllegalArgumentException} when the key is missing or shorter than {@value #MIN_KEY_LENGTH} characters. */
  public Pseudonyms(String secret) {
    if (!usable(secret)) {
      throw new IllegalArgumentException("pseudonym key missing or shorter than " + MIN_KEY_LENGTH + " characters");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  public static boolean usable(String secret) {
    return secret != null && !secret.isBlank() && secret.trim().length() >= MIN_KEY_LENGTH;
  }

  /** The pseudonym of one case (its business key, e.g. {@code HB-2026-000123}). */
  public String of(String businessKey) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM); // not thread-safe: one per call
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(businessKey.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    }
  }
}

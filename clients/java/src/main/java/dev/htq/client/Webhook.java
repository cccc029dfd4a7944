package dev.htq.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies the signatures HTQ puts on the requests it delivers (Standard Webhooks 1.0):
 * {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature}, with
 * {@code v1} (HMAC-SHA256, {@code whsec_} secrets) and {@code v1a} (Ed25519,
 * {@code whpk_} public keys). Give every key you accept (during a rotation, the old and
 * the new): a request is genuine when one signature in its header verifies with one of
 * them. Instances are immutable and may be shared between threads.
 *
 * <pre>{@code
 * Webhook webhook = new Webhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
 * try {
 *   webhook.verify(headers, body);     // headers by name, body as received
 * } catch (Webhook.VerificationException e) {
 *   // answer 401; e.reason() says why
 * }
 * }</pre>
 */
public final class Webhook {
  /** How far a request's timestamp may be from now, either way, by default. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  // The DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519, which is how
  // java.security takes a raw 32-byte public key.
  private static final byte[] ED25519_DER_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private final List<SecretKeySpec> secrets = new ArrayList<>();
  private final List<PublicKey> publicKeys = new ArrayList<>();
  private final long toleranceSeconds;

  /** Why a request did not verify, or a key was refused. */
  public enum Reason {
    /** A key is neither {@code whsec_…} nor {@code whpk_…} with valid base64. */
    BAD_KEY,
    /** A {@code webhook-*} header is missing or empty. */
    MISSING_HEADER,
    /** {@code webhook-timestamp} is not a number of seconds. */
    BAD_TIMESTAMP,
    /** The timestamp is further from now than the tolerance. */
    STALE_TIMESTAMP,
    /** No signature verified with any key. */
    NO_MATCH,
  }

  /**
   * A request that did not verify (answer it with 401), or, from the constructor, a key
   * that could not be read. Unchecked, so that a verifier can be built in a static
   * initializer; an uncaught one still refuses the request.
   */
  public static final class VerificationException extends RuntimeException {
    private final Reason reason;

    VerificationException(Reason reason, String message) {
      super(message);
      this.reason = reason;
    }

    /** Why the request or key was refused. */
    public Reason reason() {
      return reason;
    }
  }

  /** A verifier accepting signatures by any of {@code keys}, with the default tolerance. */
  public Webhook(String... keys) {
    this(List.of(keys), DEFAULT_TOLERANCE);
  }

  /** A verifier accepting signatures by any of {@code keys}, with the default tolerance. */
  public Webhook(Collection<String> keys) {
    this(keys, DEFAULT_TOLERANCE);
  }

  /**
   * A verifier accepting signatures by any of {@code keys} ({@code whsec_…} secrets and
   * {@code whpk_…} public keys, mixed), with timestamps at most {@code tolerance} from now.
   *
   * @throws VerificationException with {@link Reason#BAD_KEY} for a key that cannot be read
   */
  public Webhook(Collection<String> keys, Duration tolerance) {
    if (tolerance.isNegative()) throw new IllegalArgumentException("negative tolerance: " + tolerance);
    this.toleranceSeconds = tolerance.getSeconds();
    for (String key : keys) {
      if (key.startsWith("whsec_")) {
        byte[] raw = decodeKey(key, "whsec_");
        // An empty secret would sign nothing worth trusting (and Mac refuses it).
        if (raw.length == 0) throw badKey(key);
        secrets.add(new SecretKeySpec(raw, "HmacSHA256"));
      } else if (key.startsWith("whpk_")) {
        byte[] raw = decodeKey(key, "whpk_");
        if (raw.length != 32) throw badKey(key);
        byte[] der = new byte[ED25519_DER_PREFIX.length + raw.length];
        System.arraycopy(ED25519_DER_PREFIX, 0, der, 0, ED25519_DER_PREFIX.length);
        System.arraycopy(raw, 0, der, ED25519_DER_PREFIX.length, raw.length);
        try {
          publicKeys.add(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
        } catch (GeneralSecurityException e) {
          throw badKey(key);
        }
      } else {
        throw badKey(key);
      }
    }
  }

  private static byte[] decodeKey(String key, String prefix) {
    try {
      return Base64.getDecoder().decode(key.substring(prefix.length()));
    } catch (IllegalArgumentException e) {
      throw badKey(key);
    }
  }

  // Only the start of the key is shown: the message may end up in logs, a secret must not.
  private static VerificationException badKey(String key) {
    String start = key.substring(0, Math.min(6, key.length())) + "…";
    return new VerificationException(Reason.BAD_KEY, "bad key: " + start);
  }

  /** Verifies a request now from its headers (names in any case) and its body as received. */
  public void verify(Map<String, String> headers, byte[] body) {
    verify(headers, body, Instant.now());
  }

  /** {@link #verify(Map, byte[])} as if it were {@code now}. */
  public void verify(Map<String, String> headers, byte[] body, Instant now) {
    verify(name -> lookup(headers, name), body, now);
  }

  /**
   * Verifies a request now from its headers, {@code header} giving the value of a header
   * by its lower-case name or null (e.g. {@code request::getHeader} of a servlet, or
   * {@code exchange.getRequestHeaders()::getFirst} of the JDK's HttpServer).
   */
  public void verify(Function<String, String> header, byte[] body) {
    verify(header, body, Instant.now());
  }

  /** {@link #verify(Function, byte[])} as if it were {@code now}. */
  public void verify(Function<String, String> header, byte[] body, Instant now) {
    verify(header.apply("webhook-id"), header.apply("webhook-timestamp"), header.apply("webhook-signature"),
        body, now);
  }

  /**
   * Verifies a request now: its {@code webhook-id}, {@code webhook-timestamp} and
   * {@code webhook-signature} values and its body as received.
   *
   * @throws VerificationException when it does not verify
   */
  public void verify(String id, String timestamp, String signatures, byte[] body) {
    verify(id, timestamp, signatures, body, Instant.now());
  }

  /** {@link #verify(String, String, String, byte[])} as if it were {@code now}. */
  public void verify(String id, String timestamp, String signatures, byte[] body, Instant now) {
    Objects.requireNonNull(body, "body");
    present("webhook-id", id);
    present("webhook-timestamp", timestamp);
    present("webhook-signature", signatures);
    String ts = timestamp.trim();
    long seconds;
    // Digits only: Long.parseLong would also take digits of other scripts, which no
    // signer writes.
    if (!ts.matches("[+-]?[0-9]{1,19}")) throw new VerificationException(Reason.BAD_TIMESTAMP, "bad webhook-timestamp");
    try {
      seconds = Long.parseLong(ts);
    } catch (NumberFormatException e) {
      throw new VerificationException(Reason.BAD_TIMESTAMP, "bad webhook-timestamp");
    }
    if (!within(seconds, now.getEpochSecond())) {
      throw new VerificationException(Reason.STALE_TIMESTAMP, "timestamp outside the tolerance");
    }
    byte[] signed = (id + "." + ts + ".").getBytes(StandardCharsets.UTF_8);
    byte[] message = new byte[signed.length + body.length];
    System.arraycopy(signed, 0, message, 0, signed.length);
    System.arraycopy(body, 0, message, signed.length, body.length);
    for (String entry : signatures.trim().split("\\s+")) {
      int comma = entry.indexOf(',');
      if (comma < 0) continue;
      byte[] raw;
      try {
        raw = Base64.getDecoder().decode(entry.substring(comma + 1));
      } catch (IllegalArgumentException e) {
        continue;
      }
      String version = entry.substring(0, comma);
      if (version.equals("v1") && hmacMatches(message, raw)) return;
      if (version.equals("v1a") && ed25519Matches(message, raw)) return;
    }
    throw new VerificationException(Reason.NO_MATCH, "no signature matches");
  }

  private static String lookup(Map<String, String> headers, String name) {
    String value = headers.get(name);
    if (value != null) return value;
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) return e.getValue();
    }
    return null;
  }

  private static void present(String name, String value) {
    if (value == null || value.isEmpty()) {
      throw new VerificationException(Reason.MISSING_HEADER, "missing header " + name);
    }
  }

  // |now - seconds| <= tolerance without overflow: the difference of two longs always
  // fits in an unsigned long.
  private boolean within(long seconds, long now) {
    long distance = seconds >= now ? seconds - now : now - seconds;
    return Long.compareUnsigned(distance, toleranceSeconds) <= 0;
  }

  private boolean hmacMatches(byte[] message, byte[] raw) {
    for (SecretKeySpec secret : secrets) {
      try {
        // A Mac per check: they hold state and are not thread-safe.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(secret);
        if (MessageDigest.isEqual(mac.doFinal(message), raw)) return true;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 unavailable", e);
      }
    }
    return false;
  }

  private boolean ed25519Matches(byte[] message, byte[] raw) {
    for (PublicKey key : publicKeys) {
      try {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(key);
        signature.update(message);
        if (signature.verify(raw)) return true;
      } catch (GeneralSecurityException e) {
        // A malformed signature (wrong length, say) or a key that is not a curve point
        // matches nothing.
      }
    }
    return false;
  }
}

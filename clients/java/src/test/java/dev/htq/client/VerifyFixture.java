package dev.htq.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Checks {@link Webhook} against a fixture of deliveries captured from a live server:
 * VerifyFixture FIXTURE.json. Each case is verified with its keys as of its {@code now};
 * the verdict must be its {@code valid}. The Standard Webhooks reference vector, and
 * the ways it must fail, are checked too, so a fixture cannot pass with a verifier
 * that accepts everything.
 */
public final class VerifyFixture {
  private static final List<String> mismatches = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    JsonObject fixture;
    try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      fixture = JsonParser.parseReader(in).getAsJsonObject();
    }
    int cases = 0;
    for (JsonElement e : fixture.getAsJsonArray("cases")) {
      JsonObject c = e.getAsJsonObject();
      String name = c.get("name").getAsString();
      Map<String, String> headers = new HashMap<>();
      for (Map.Entry<String, JsonElement> h : c.getAsJsonObject("headers").entrySet()) {
        if (!h.getValue().isJsonNull()) headers.put(h.getKey(), h.getValue().getAsString());
      }
      List<String> keys = new ArrayList<>();
      for (JsonElement k : c.getAsJsonArray("keys")) keys.add(k.getAsString());
      BigDecimal now = c.get("now").getAsBigDecimal();
      Instant at = Instant.ofEpochSecond(now.longValue(), now.remainder(BigDecimal.ONE).movePointRight(9).longValue());
      byte[] body = Base64.getDecoder().decode(c.get("body").getAsString());
      boolean valid = c.get("valid").getAsBoolean();
      // A key the verifier refuses makes the case invalid, like a wrong one.
      check(name, valid ? "valid" : "invalid", got -> (got == null) == valid,
          () -> new Webhook(keys).verify(headers, body, at));
      cases++;
    }
    reference();
    if (!mismatches.isEmpty()) System.exit(1);
    System.out.println("ok: java webhooks " + cases + " cases");
    System.exit(0);
  }

  /** Records a mismatch unless {@code accepts} the outcome of {@code verify} (null: valid). */
  private static void check(String name, String want, Predicate<Webhook.Reason> accepts, Runnable verify) {
    String got;
    try {
      verify.run();
      if (accepts.test(null)) return;
      got = "valid";
    } catch (Webhook.VerificationException e) {
      if (accepts.test(e.reason())) return;
      got = e.reason().toString();
    } catch (RuntimeException e) {
      got = e.toString();
    }
    System.out.println("mismatch: " + name + ": expected " + want + ", got " + got);
    mismatches.add(name);
  }

  private static void expect(String name, Webhook.Reason want, Runnable verify) {
    check(name, want == null ? "valid" : want.toString(), got -> got == want, verify);
  }

  private static void reference() {
    String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    String id = "msg_p5jXN8AQM9LWM0D4loKWxJek", ts = "1614265330";
    String sig = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    Instant at = Instant.ofEpochSecond(1614265330);
    Webhook v = new Webhook(secret);
    expect("reference vector", null, () -> v.verify(id, ts, sig, body, at));
    // Header names as a framework may spell them.
    expect("reference vector, capitalised headers", null, () -> v.verify(
        Map.of("Webhook-Id", id, "WEBHOOK-TIMESTAMP", ts, "Webhook-Signature", sig), body, at));
    expect("reference vector among others", null,
        () -> v.verify(id, ts, "v2,abc v1,Zm9v v1a,!!! nocomma " + sig, body, at));
    expect("reference vector, tampered body", Webhook.Reason.NO_MATCH,
        () -> v.verify(id, ts, sig, "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8), at));
    expect("reference vector, another id", Webhook.Reason.NO_MATCH, () -> v.verify("msg_other", ts, sig, body, at));
    expect("reference vector, another key", Webhook.Reason.NO_MATCH,
        () -> new Webhook("whsec_" + Base64.getEncoder().encodeToString(new byte[24])).verify(id, ts, sig, body, at));
    expect("reference vector, at the tolerance", null, () -> v.verify(id, ts, sig, body, at.plusSeconds(300)));
    expect("reference vector, late", Webhook.Reason.STALE_TIMESTAMP,
        () -> v.verify(id, ts, sig, body, at.plusSeconds(301)));
    expect("reference vector, early", Webhook.Reason.STALE_TIMESTAMP,
        () -> v.verify(id, ts, sig, body, at.minusSeconds(301)));
    expect("reference vector, bad timestamp", Webhook.Reason.BAD_TIMESTAMP,
        () -> v.verify(id, "soon", sig, body, at));
    expect("reference vector, no signature", Webhook.Reason.MISSING_HEADER,
        () -> v.verify(Map.of("webhook-id", id, "webhook-timestamp", ts), body, at));
    expect("reference vector, empty id", Webhook.Reason.MISSING_HEADER, () -> v.verify("", ts, sig, body, at));
    String shortKey = "whpk_" + Base64.getEncoder().encodeToString(new byte[31]);
    for (String bad : List.of("secret", "whsec_not base64!", shortKey)) {
      expect("bad key " + bad, Webhook.Reason.BAD_KEY, () -> new Webhook(bad));
    }
  }
}

// Checks the webhook verifier against a fixture: node verify_fixture.js FIXTURE.json
//
// The fixture holds requests captured from a live server: {"cases": [{"name", "body"
// (base64), "headers", "keys", "now", "valid"}]}. Each must verify, or not, as
// `valid` says. The Standard Webhooks reference vector and the ways it must fail are
// checked too, with the code of the error each failure throws.
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const { WebhookVerifier, WebhookError } = require("./index.js");

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const [ID, TS, NOW] = ["msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", 1614265330];
const SIG = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
const BODY = Buffer.from('{"test": 2432232314}');

function headers({ id = ID, ts = TS, sig = SIG } = {}) {
  return { "webhook-id": id, "webhook-timestamp": ts, "webhook-signature": sig };
}

function publicKey(keyObject) {
  return "whpk_" + Buffer.from(keyObject.export({ format: "jwk" }).x, "base64url").toString("base64");
}

// A key of our own, so that v1a is checked beyond what the fixture captured.
function ed25519Checks() {
  const { privateKey, publicKey: pub } = crypto.generateKeyPairSync("ed25519");
  const other = publicKey(crypto.generateKeyPairSync("ed25519").publicKey);
  const signature = crypto.sign(null, Buffer.concat([Buffer.from(`${ID}.${TS}.`), BODY]), privateKey);
  const sig = "v1a," + signature.toString("base64");
  const mine = publicKey(pub);
  return [
    ["generated Ed25519 key", [mine], headers({ sig }), BODY, NOW, null],
    ["generated Ed25519 key, with a secret too", [SECRET, mine], headers({ sig }), BODY, NOW, null],
    ["generated Ed25519 key, body changed", [mine], headers({ sig }), Buffer.concat([BODY, Buffer.from(" ")]), NOW, "NO_MATCH"],
    ["another Ed25519 key", [other], headers({ sig }), BODY, NOW, "NO_MATCH"],
    ["Ed25519 signature checked as v1", [SECRET, mine], headers({ sig: "v1," + sig.slice(4) }), BODY, NOW, "NO_MATCH"],
  ];
}

// [name, keys, headers, body, now, the error code expected or null]
const REFERENCE = [
  ["reference vector", [SECRET], headers(), BODY, NOW, null],
  ["reference vector, header names in capitals",
    [SECRET], { "Webhook-Id": ID, "WEBHOOK-TIMESTAMP": TS, "Webhook-Signature": SIG }, BODY, NOW, null],
  ["reference vector, in a fetch Headers", [SECRET], new Headers(headers()), BODY, NOW, null],
  ["reference vector, body as a string", [SECRET], headers(), BODY.toString(), NOW, null],
  ["reference vector among other signatures",
    [SECRET], headers({ sig: `v2,abc v1,Zm9v v1a,Zm9v nocomma ${SIG}` }), BODY, NOW, null],
  ["reference vector, its secret second",
    ["whsec_" + Buffer.from("another secret").toString("base64"), SECRET], headers(), BODY, NOW, null],
  ["reference vector, 300 s early", [SECRET], headers(), BODY, NOW - 300, null],
  ["reference vector, 300 s late", [SECRET], headers(), BODY, NOW + 300, null],
  ["reference vector, 301 s late", [SECRET], headers(), BODY, NOW + 301, "STALE_TIMESTAMP"],
  ["reference vector, 301 s early", [SECRET], headers(), BODY, NOW - 301, "STALE_TIMESTAMP"],
  ["reference vector, body changed", [SECRET], headers(), Buffer.from('{"test": 2432232315}'), NOW, "NO_MATCH"],
  ["reference vector, another id", [SECRET], headers({ id: "msg_other" }), BODY, NOW, "NO_MATCH"],
  ["reference vector, unknown version only", [SECRET], headers({ sig: "v2" + SIG.slice(2) }), BODY, NOW, "NO_MATCH"],
  ["reference vector, timestamp not a number", [SECRET], headers({ ts: "soon" }), BODY, NOW, "BAD_TIMESTAMP"],
  ["reference vector, empty signature header", [SECRET], headers({ sig: "" }), BODY, NOW, "MISSING_HEADER"],
  ["reference vector, no id header",
    [SECRET], { "webhook-timestamp": TS, "webhook-signature": SIG }, BODY, NOW, "MISSING_HEADER"],
  ["key without a prefix", ["secret"], headers(), BODY, NOW, "BAD_KEY"],
  ["secret not base64", ["whsec_not*base64"], headers(), BODY, NOW, "BAD_KEY"],
  ["empty secret", ["whsec_"], headers(), BODY, NOW, "BAD_KEY"],
  ["public key of 31 bytes", ["whpk_" + Buffer.alloc(31).toString("base64")], headers(), BODY, NOW, "BAD_KEY"],
];

/** null when the request verifies, else the code of the error. */
function outcome(keys, hdrs, body, now) {
  try {
    new WebhookVerifier(keys).verify(hdrs, body, now);
    return null;
  } catch (e) {
    if (!(e instanceof WebhookError)) throw e;
    return e.code;
  }
}

function main() {
  const { cases } = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const wrong = [];
  for (const [name, keys, hdrs, body, now, expected] of [...REFERENCE, ...ed25519Checks()]) {
    const got = outcome(keys, hdrs, body, now);
    if (got !== expected) wrong.push(`${name} (expected ${expected}, got ${got})`);
  }
  for (const c of cases) {
    const valid = outcome(c.keys, c.headers, Buffer.from(c.body, "base64"), c.now) === null;
    if (valid !== c.valid) wrong.push(`${c.name} (expected ${c.valid ? "valid" : "invalid"})`);
  }
  for (const name of wrong) console.log(`mismatch: ${name}`);
  if (wrong.length) process.exit(1);
  console.log(`ok: node webhooks ${cases.length} cases`);
}

main();

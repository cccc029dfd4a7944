"""Checks the webhook verifier against a fixture: python verify_fixture.py FIXTURE.json.

The fixture holds requests captured from a live server: {"cases": [{"name", "body"
(base64), "headers", "keys", "now", "valid"}]}. Each must verify, or not, as
`valid` says. The Standard Webhooks reference vector and the ways it must fail are
checked too, with the kind of error each failure raises."""

import base64
import json
import sys

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from htq_client.webhooks import (BadKeyError, BadTimestampError, MissingHeaderError,
                                 NoMatchingSignatureError, StaleTimestampError, Verifier,
                                 WebhookError)

SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
ID, TS, NOW = "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", 1614265330
SIG = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
BODY = b'{"test": 2432232314}'


def headers(id=ID, ts=TS, sig=SIG):
    return {"webhook-id": id, "webhook-timestamp": ts, "webhook-signature": sig}


def ed25519_checks():
    # A key of our own, so that v1a is checked beyond what the fixture captured.
    private = Ed25519PrivateKey.generate()
    raw = private.public_key().public_bytes_raw()
    public = "whpk_" + base64.b64encode(raw).decode()
    other = "whpk_" + base64.b64encode(Ed25519PrivateKey.generate().public_key().public_bytes_raw()).decode()
    sig = "v1a," + base64.b64encode(private.sign(f"{ID}.{TS}.".encode() + BODY)).decode()
    return [
        ("generated Ed25519 key", [public], headers(sig=sig), BODY, NOW, None),
        ("generated Ed25519 key, with a secret too", [SECRET, public], headers(sig=sig), BODY, NOW, None),
        ("generated Ed25519 key, body changed", [public], headers(sig=sig), BODY + b" ", NOW,
         NoMatchingSignatureError),
        ("another Ed25519 key", [other], headers(sig=sig), BODY, NOW, NoMatchingSignatureError),
        ("Ed25519 signature checked as v1", [SECRET, public], headers(sig="v1," + sig[4:]), BODY, NOW,
         NoMatchingSignatureError),
    ]


# (name, keys, headers, body, now, the error expected or None)
REFERENCE = [
    ("reference vector", [SECRET], headers(), BODY, NOW, None),
    ("reference vector, header names in capitals",
     [SECRET], {"Webhook-Id": ID, "WEBHOOK-TIMESTAMP": TS, "Webhook-Signature": SIG}, BODY, NOW, None),
    ("reference vector among other signatures",
     [SECRET], headers(sig=f"v2,abc v1,Zm9v v1a,Zm9v nocomma {SIG}"), BODY, NOW, None),
    ("reference vector, its secret second",
     ["whsec_" + base64.b64encode(b"another secret").decode(), SECRET], headers(), BODY, NOW, None),
    ("reference vector, 300 s early", [SECRET], headers(), BODY, NOW - 300, None),
    ("reference vector, 300 s late", [SECRET], headers(), BODY, NOW + 300, None),
    ("reference vector, 301 s late", [SECRET], headers(), BODY, NOW + 301, StaleTimestampError),
    ("reference vector, 301 s early", [SECRET], headers(), BODY, NOW - 301, StaleTimestampError),
    ("reference vector, body changed", [SECRET], headers(), b'{"test": 2432232315}', NOW,
     NoMatchingSignatureError),
    ("reference vector, another id", [SECRET], headers(id="msg_other"), BODY, NOW, NoMatchingSignatureError),
    ("reference vector, unknown version only", [SECRET], headers(sig="v2" + SIG[2:]), BODY, NOW,
     NoMatchingSignatureError),
    ("reference vector, timestamp not a number", [SECRET], headers(ts="soon"), BODY, NOW, BadTimestampError),
    ("reference vector, empty signature header", [SECRET], headers(sig=""), BODY, NOW, MissingHeaderError),
    ("reference vector, no id header", [SECRET],
     {"webhook-timestamp": TS, "webhook-signature": SIG}, BODY, NOW, MissingHeaderError),
    ("key without a prefix", ["secret"], headers(), BODY, NOW, BadKeyError),
    ("secret not base64", ["whsec_not*base64"], headers(), BODY, NOW, BadKeyError),
    ("empty secret", ["whsec_"], headers(), BODY, NOW, BadKeyError),
    ("public key of 31 bytes", ["whpk_" + base64.b64encode(bytes(31)).decode()], headers(), BODY, NOW,
     BadKeyError),
]


def outcome(keys, hdrs, body, now):
    """None when the request verifies, else the class of the error."""
    try:
        Verifier(keys).verify(hdrs, body, now=now)
        return None
    except WebhookError as e:
        return type(e)


def main() -> int:
    with open(sys.argv[1]) as f:
        cases = json.load(f)["cases"]
    wrong = []
    for name, keys, hdrs, body, now, expected in REFERENCE + ed25519_checks():
        got = outcome(keys, hdrs, body, now)
        if got is not expected:
            wrong.append(f"{name} (expected {expected and expected.__name__}, got {got and got.__name__})")
    for case in cases:
        valid = outcome(case["keys"], case["headers"], base64.b64decode(case["body"]), case["now"]) is None
        if valid != case["valid"]:
            wrong.append(f"{case['name']} (expected {'valid' if case['valid'] else 'invalid'})")
    for name in wrong:
        print(f"mismatch: {name}")
    if wrong:
        return 1
    print(f"ok: python webhooks {len(cases)} cases")
    return 0


if __name__ == "__main__":
    sys.exit(main())

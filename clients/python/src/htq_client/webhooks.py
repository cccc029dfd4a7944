"""Verifies the signatures HTQ puts on the requests it delivers (Standard Webhooks
1.0): `webhook-id`, `webhook-timestamp` and `webhook-signature`, with `v1`
(HMAC-SHA256, `whsec_` secrets) and `v1a` (Ed25519, `whpk_` public keys).

    from htq_client.webhooks import Verifier, WebhookError
    verifier = Verifier(["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"])
    try:
        verifier.verify(request.headers, request.get_data())
    except WebhookError:
        abort(401)

Give every key you accept (during a rotation, the old and the new): a request is
genuine when one signature in its header verifies with one of them.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import time
from typing import Iterable, List, Optional, Protocol, Tuple

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

__all__ = [
    "DEFAULT_TOLERANCE",
    "Verifier",
    "HeadersLike",
    "WebhookError",
    "BadKeyError",
    "MissingHeaderError",
    "BadTimestampError",
    "StaleTimestampError",
    "NoMatchingSignatureError",
]

DEFAULT_TOLERANCE = 300
"""How far, in seconds, a request's timestamp may be from now, either way, by default."""

# Digits only: int() alone would also take "1_614_265_330" and non-ASCII digits,
# which the signer never sends.
_TIMESTAMP = re.compile(r"[+-]?[0-9]+")
_I64 = 2**63  # past an i64, as in the other clients, it is no timestamp but a bad one


class HeadersLike(Protocol):
    """Request headers: a dict, or a framework's headers (Flask/Werkzeug, Django,
    Starlette, aiohttp), all of which list their items."""

    def items(self) -> Iterable[Tuple[str, str]]: ...


class WebhookError(Exception):
    """Why a request did not verify; catch this to reject it."""


class BadKeyError(WebhookError, ValueError):
    """A key is neither `whsec_…` nor `whpk_…` (of 32 bytes) with valid base64."""


class MissingHeaderError(WebhookError):
    """A `webhook-*` header is missing or empty; `header` names it."""

    def __init__(self, header: str):
        super().__init__(f"missing header {header}")
        self.header = header


class BadTimestampError(WebhookError):
    """`webhook-timestamp` is not a number of seconds."""

    def __init__(self) -> None:
        super().__init__("bad webhook-timestamp")


class StaleTimestampError(WebhookError):
    """The timestamp is further from now than the tolerance."""

    def __init__(self) -> None:
        super().__init__("timestamp outside the tolerance")


class NoMatchingSignatureError(WebhookError):
    """No signature verified with any key."""

    def __init__(self) -> None:
        super().__init__("no signature matches")


def _b64(text: str) -> bytes:
    # validate=True: without it, characters outside the alphabet are dropped, and a
    # mistyped key would decode to some other key instead of failing.
    return base64.b64decode(text, validate=True)


def _header(headers: HeadersLike, name: str) -> str:
    # Plain dicts keep whatever case the framework gave; frameworks' own header
    # objects are case-insensitive already and list their items all the same.
    for key, value in headers.items():
        if key.lower() == name and value:
            return value
    raise MissingHeaderError(name)


class Verifier:
    """Checks requests against a set of keys: `whsec_…` secrets and `whpk_…`
    public keys, in any mix. `tolerance` is in seconds."""

    def __init__(self, keys: Iterable[str], *, tolerance: float = DEFAULT_TOLERANCE):
        if isinstance(keys, str):
            keys = [keys]  # one key, not a list of one-letter keys
        self._secrets: List[bytes] = []
        self._public: List[Ed25519PublicKey] = []
        self.tolerance = tolerance
        for key in keys:
            # Only the start of the key in the message: the rest may be a secret.
            bad = BadKeyError(f"bad key: {key[:6]}…")
            if key.startswith("whsec_"):
                try:
                    secret = _b64(key[len("whsec_"):])
                except binascii.Error:
                    raise bad from None
                # An empty secret would accept anyone's signature.
                if not secret:
                    raise bad
                self._secrets.append(secret)
            elif key.startswith("whpk_"):
                try:
                    raw = _b64(key[len("whpk_"):])
                except binascii.Error:
                    raise bad from None
                if len(raw) != 32:
                    raise bad
                self._public.append(Ed25519PublicKey.from_public_bytes(raw))
            else:
                raise bad

    def verify(self, headers: HeadersLike, body: bytes, *, now: Optional[float] = None) -> None:
        """Verifies a request from its headers (names in any case) and
        its body exactly as received, at `now` (Unix seconds; the clock when None).
        Returns None when it is genuine, raises a `WebhookError` otherwise."""
        self.verify_parts(
            _header(headers, "webhook-id"),
            _header(headers, "webhook-timestamp"),
            _header(headers, "webhook-signature"),
            body,
            now=now,
        )

    def verify_parts(self, id: str, timestamp: str, signatures: str, body: bytes, *,
                     now: Optional[float] = None) -> None:
        """`verify` from the values of `webhook-id`, `webhook-timestamp` and
        `webhook-signature`."""
        if not id:
            raise MissingHeaderError("webhook-id")
        timestamp = timestamp.strip()
        if not _TIMESTAMP.fullmatch(timestamp):
            raise BadTimestampError()
        ts = int(timestamp)
        if not -_I64 <= ts < _I64:
            raise BadTimestampError()
        # Whole seconds, as the timestamp is: a clock at .9 past is not a second on.
        current = int(time.time() if now is None else now)
        if abs(current - ts) > self.tolerance:
            raise StaleTimestampError()
        signed = b"%s.%s.%s" % (id.encode(), timestamp.encode(), bytes(body))
        for entry in signatures.split():
            version, comma, value = entry.partition(",")
            if not comma:
                continue
            try:
                raw = _b64(value)
            except (binascii.Error, ValueError):
                continue
            if version == "v1":
                for secret in self._secrets:
                    expected = hmac.new(secret, signed, hashlib.sha256).digest()
                    if hmac.compare_digest(expected, raw):
                        return
            elif version == "v1a" and len(raw) == 64:
                for key in self._public:
                    try:
                        key.verify(raw, signed)
                        return
                    except InvalidSignature:
                        pass
        raise NoMatchingSignatureError()

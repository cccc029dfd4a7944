// Package webhook verifies the signatures HTQ puts on the requests it delivers
// (Standard Webhooks 1.0): webhook-id, webhook-timestamp and webhook-signature,
// with v1 (HMAC-SHA256, whsec_ secrets) and v1a (Ed25519, whpk_ public keys).
//
// It is a package of its own, with the standard library only, so that a receiver
// does not link gRPC to check a request.
//
//	v, err := webhook.NewVerifier(os.Getenv("HTQ_WEBHOOK_KEY"))
//	body, err := v.VerifyRequest(r)
//
// Give every key you accept (during a rotation, the old and the new): a request is
// genuine when one signature in its header verifies with one of them.
package webhook

import (
	"bytes"
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// DefaultTolerance is how far a request's timestamp may be from now, either way,
// unless Verifier.Tolerance says otherwise.
const DefaultTolerance = 300 * time.Second

// Why a request did not verify, for errors.Is; the errors returned wrap them with
// details (which key, which header).
var (
	// ErrBadKey: a key is neither whsec_… nor whpk_… with valid base64 (and 32
	// bytes for a public key).
	ErrBadKey = errors.New("webhook: bad key")
	// ErrMissingHeader: a webhook-* header is missing or empty.
	ErrMissingHeader = errors.New("webhook: missing header")
	// ErrBadTimestamp: webhook-timestamp is not a number of seconds.
	ErrBadTimestamp = errors.New("webhook: bad webhook-timestamp")
	// ErrStale: the timestamp is further from now than the tolerance.
	ErrStale = errors.New("webhook: timestamp outside the tolerance")
	// ErrNoMatch: no signature verified with any key.
	ErrNoMatch = errors.New("webhook: no signature matches")
)

// Verifier checks requests against a set of keys. Safe for concurrent use once
// its fields are set.
type Verifier struct {
	secrets [][]byte
	public  []ed25519.PublicKey

	// Tolerance is how far a timestamp may be from now, either way.
	Tolerance time.Duration
	// Now, when set, replaces time.Now: to check a recorded request, or in tests.
	Now func() time.Time
}

// NewVerifier returns a verifier accepting signatures by any of keys (whsec_…
// secrets and whpk_… public keys), with DefaultTolerance.
func NewVerifier(keys ...string) (*Verifier, error) {
	v := &Verifier{Tolerance: DefaultTolerance}
	for _, key := range keys {
		// Enough to tell the keys apart in a log, not enough to leak a secret.
		bad := fmt.Errorf("%w: %.6s…", ErrBadKey, key)
		if s, ok := strings.CutPrefix(key, "whsec_"); ok {
			raw, err := base64.StdEncoding.DecodeString(s)
			// An empty secret would accept anyone's signature.
			if err != nil || len(raw) == 0 {
				return nil, bad
			}
			v.secrets = append(v.secrets, raw)
		} else if p, ok := strings.CutPrefix(key, "whpk_"); ok {
			raw, err := base64.StdEncoding.DecodeString(p)
			if err != nil || len(raw) != ed25519.PublicKeySize {
				return nil, bad
			}
			v.public = append(v.public, ed25519.PublicKey(raw))
		} else {
			return nil, bad
		}
	}
	return v, nil
}

// VerifyRequest verifies r from its headers and body, and returns the body; r.Body
// is replaced so that it can be read again. Limit the body's size first (for
// example with http.MaxBytesReader) if the sender may be anyone.
func (v *Verifier) VerifyRequest(r *http.Request) ([]byte, error) {
	var body []byte
	if r.Body != nil {
		var err error
		body, err = io.ReadAll(r.Body)
		r.Body.Close()
		if err != nil {
			return nil, err
		}
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	return body, v.VerifyHeader(r.Header, body)
}

// VerifyHeader verifies a request from its headers, looked up whatever their case,
// and its body as received.
func (v *Verifier) VerifyHeader(h http.Header, body []byte) error {
	id, err := lookup(h, "webhook-id")
	if err != nil {
		return err
	}
	ts, err := lookup(h, "webhook-timestamp")
	if err != nil {
		return err
	}
	sigs, err := lookup(h, "webhook-signature")
	if err != nil {
		return err
	}
	return v.Verify(id, ts, sigs, body)
}

// lookup finds a header by name in any case: Header.Get only finds the canonical
// form, which a header map built by hand may not use. Repeated webhook-signature
// headers are read as one list, as a proxy may have split it.
func lookup(h http.Header, name string) (string, error) {
	canonical := http.CanonicalHeaderKey(name)
	values := h[canonical]
	for k, vs := range h {
		if k != canonical && strings.EqualFold(k, name) {
			values = append(values[:len(values):len(values)], vs...)
		}
	}
	value := ""
	if name == "webhook-signature" {
		value = strings.Join(values, " ")
	} else if len(values) > 0 {
		value = values[0]
	}
	if strings.TrimSpace(value) == "" {
		return "", fmt.Errorf("%w %s", ErrMissingHeader, name)
	}
	return value, nil
}

// Verify verifies a request from its webhook-id, webhook-timestamp and
// webhook-signature values and its body as received.
func (v *Verifier) Verify(id, timestamp, signatures string, body []byte) error {
	if id == "" {
		return fmt.Errorf("%w webhook-id", ErrMissingHeader)
	}
	timestamp = strings.TrimSpace(timestamp)
	ts, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil {
		return ErrBadTimestamp
	}
	now := time.Now()
	if v.Now != nil {
		now = v.Now()
	}
	if absDiff(now.Unix(), ts) > uint64(max(v.Tolerance, 0)/time.Second) {
		return ErrStale
	}
	signed := make([]byte, 0, len(id)+len(timestamp)+2+len(body))
	signed = append(signed, id...)
	signed = append(signed, '.')
	signed = append(signed, timestamp...)
	signed = append(signed, '.')
	signed = append(signed, body...)
	for _, sig := range strings.Fields(signatures) {
		version, value, ok := strings.Cut(sig, ",")
		if !ok {
			continue
		}
		raw, err := base64.StdEncoding.DecodeString(value)
		if err != nil {
			continue
		}
		switch version {
		case "v1":
			for _, secret := range v.secrets {
				mac := hmac.New(sha256.New, secret)
				mac.Write(signed)
				if hmac.Equal(mac.Sum(nil), raw) {
					return nil
				}
			}
		case "v1a":
			for _, key := range v.public {
				if ed25519.Verify(key, signed, raw) {
					return nil
				}
			}
		}
	}
	return ErrNoMatch
}

// absDiff is |a-b| without overflowing for timestamps at the ends of int64.
func absDiff(a, b int64) uint64 {
	if a > b {
		return uint64(a) - uint64(b)
	}
	return uint64(b) - uint64(a)
}

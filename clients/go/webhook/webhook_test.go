package webhook

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// The Standard Webhooks reference vector.
const (
	refSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	refID     = "msg_p5jXN8AQM9LWM0D4loKWxJek"
	refTS     = "1614265330"
	refSig    = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
	refBody   = `{"test": 2432232314}`
)

func at(secs int64) func() time.Time {
	return func() time.Time { return time.Unix(secs, 0) }
}

func refVerifier(t *testing.T, keys ...string) *Verifier {
	t.Helper()
	v, err := NewVerifier(keys...)
	if err != nil {
		t.Fatal(err)
	}
	v.Now = at(1614265330)
	return v
}

func TestReferenceVectorAndItsFailures(t *testing.T) {
	v := refVerifier(t, refSecret)
	body := []byte(refBody)
	cases := []struct {
		name         string
		id, ts, sigs string
		body         []byte
		want         error
	}{
		{"reference", refID, refTS, refSig, body, nil},
		// Among others, with an unknown version and an unparsable entry before it.
		{"among others", refID, refTS, "v2,abc v1,Zm9v junk v1,%%% " + refSig, body, nil},
		{"padded timestamp", refID, " " + refTS + " ", refSig, body, nil},
		{"other body", refID, refTS, refSig, []byte(`{"test": 2432232315}`), ErrNoMatch},
		{"other id", "msg_other", refTS, refSig, body, ErrNoMatch},
		{"other timestamp", refID, "1614265331", refSig, body, ErrNoMatch},
		{"wrong version", refID, refTS, "v1a," + strings.TrimPrefix(refSig, "v1,"), body, ErrNoMatch},
		{"no signatures", refID, refTS, "", body, ErrNoMatch},
		{"bad timestamp", refID, "soon", refSig, body, ErrBadTimestamp},
		{"no id", "", refTS, refSig, body, ErrMissingHeader},
	}
	for _, c := range cases {
		if err := v.Verify(c.id, c.ts, c.sigs, c.body); !errors.Is(err, c.want) || (c.want == nil) != (err == nil) {
			t.Errorf("%s: got %v, want %v", c.name, err, c.want)
		}
	}
}

func TestTolerance(t *testing.T) {
	v := refVerifier(t, refSecret)
	for _, d := range []int64{-300, 300} {
		v.Now = at(1614265330 + d)
		if err := v.Verify(refID, refTS, refSig, []byte(refBody)); err != nil {
			t.Errorf("%+ds: %v", d, err)
		}
	}
	for _, d := range []int64{-301, 301, 3600} {
		v.Now = at(1614265330 + d)
		if err := v.Verify(refID, refTS, refSig, []byte(refBody)); !errors.Is(err, ErrStale) {
			t.Errorf("%+ds: got %v, want ErrStale", d, err)
		}
	}
	v.Now = at(1614265330 + 3600)
	v.Tolerance = 2 * time.Hour
	if err := v.Verify(refID, refTS, refSig, []byte(refBody)); err != nil {
		t.Errorf("wider tolerance: %v", err)
	}
	v.Now = at(1614265330)
	if err := v.Verify(refID, "-9223372036854775808", refSig, []byte(refBody)); !errors.Is(err, ErrStale) {
		t.Errorf("far past: got %v, want ErrStale", err)
	}
	if err := v.Verify(refID, "9223372036854775808", refSig, []byte(refBody)); !errors.Is(err, ErrBadTimestamp) {
		t.Errorf("beyond int64: got %v, want ErrBadTimestamp", err)
	}
}

func TestBadKeys(t *testing.T) {
	short := base64.StdEncoding.EncodeToString(make([]byte, 31))
	for _, key := range []string{"secret", "whsec_", "whsec_not base64!", "whpk_%%%", "whpk_" + short, "WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"} {
		_, err := NewVerifier(refSecret, key)
		if !errors.Is(err, ErrBadKey) {
			t.Errorf("%q: got %v, want ErrBadKey", key, err)
		}
		if err != nil && strings.Contains(err.Error(), "ILPZIo2") {
			t.Errorf("%q: the error shows the secret: %v", key, err)
		}
	}
}

// A request signed with an Ed25519 key and two secrets, as during a rotation.
func TestEd25519AndRotation(t *testing.T) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	otherPub, _, _ := ed25519.GenerateKey(rand.Reader)
	pk := "whpk_" + base64.StdEncoding.EncodeToString(pub)
	otherPK := "whpk_" + base64.StdEncoding.EncodeToString(otherPub)
	newSecret := "whsec_" + base64.StdEncoding.EncodeToString([]byte("a newer secret of 32 bytes......"))
	signed := []byte(refID + "." + refTS + "." + refBody)
	edSig := "v1a," + base64.StdEncoding.EncodeToString(ed25519.Sign(priv, signed))
	header := refSig + " " + edSig

	for _, keys := range [][]string{{refSecret}, {pk}, {otherPK, pk}, {newSecret, refSecret}, {pk, newSecret}} {
		if err := refVerifier(t, keys...).Verify(refID, refTS, header, []byte(refBody)); err != nil {
			t.Errorf("%v: %v", keys, err)
		}
	}
	for _, keys := range [][]string{{newSecret}, {otherPK}, {otherPK, newSecret}, {}} {
		if err := refVerifier(t, keys...).Verify(refID, refTS, header, []byte(refBody)); !errors.Is(err, ErrNoMatch) {
			t.Errorf("%v: got %v, want ErrNoMatch", keys, err)
		}
	}
	tampered := []byte(strings.Replace(refBody, "2", "3", 1))
	if err := refVerifier(t, pk).Verify(refID, refTS, edSig, tampered); !errors.Is(err, ErrNoMatch) {
		t.Errorf("tampered body: got %v, want ErrNoMatch", err)
	}
}

func TestHeaders(t *testing.T) {
	v := refVerifier(t, refSecret)
	body := []byte(refBody)
	// As received, as built by hand in lower case, and in some other case.
	received := headers(refID, refTS, refSig)
	lower := http.Header{"webhook-id": {refID}, "webhook-timestamp": {refTS}, "webhook-signature": {refSig}}
	mixed := http.Header{"WEBHOOK-ID": {refID}, "webhook-Timestamp": {refTS}, "Webhook-Signature": {"v1,Zm9v"}, "webhook-signature": {refSig}}
	for name, h := range map[string]http.Header{"received": received, "lower": lower, "mixed": mixed} {
		if err := v.VerifyHeader(h, body); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	for _, name := range []string{"webhook-id", "webhook-timestamp", "webhook-signature"} {
		for _, value := range []string{"", " "} {
			h := received.Clone()
			h.Set(name, value)
			if err := v.VerifyHeader(h, body); !errors.Is(err, ErrMissingHeader) || !strings.Contains(err.Error(), name) {
				t.Errorf("%s %q: got %v, want ErrMissingHeader", name, value, err)
			}
		}
		h := received.Clone()
		h.Del(name)
		if err := v.VerifyHeader(h, body); !errors.Is(err, ErrMissingHeader) {
			t.Errorf("no %s: got %v, want ErrMissingHeader", name, err)
		}
	}
}

func TestVerifyRequest(t *testing.T) {
	v := refVerifier(t, refSecret)
	r, _ := http.NewRequest("POST", "http://receiver/hook", strings.NewReader(refBody))
	r.Header = headers(refID, refTS, refSig)
	body, err := v.VerifyRequest(r)
	if err != nil || string(body) != refBody {
		t.Fatalf("got %q, %v", body, err)
	}
	again, _ := io.ReadAll(r.Body)
	if string(again) != refBody {
		t.Errorf("the body cannot be read again: %q", again)
	}
	r, _ = http.NewRequest("POST", "http://receiver/hook", strings.NewReader(refBody+" "))
	r.Header = headers(refID, refTS, refSig)
	if _, err := v.VerifyRequest(r); !errors.Is(err, ErrNoMatch) {
		t.Errorf("longer body: got %v, want ErrNoMatch", err)
	}
}

// headers are a request's headers as a Go server receives them.
func headers(id, ts, sig string) http.Header {
	h := http.Header{}
	h.Set("webhook-id", id)
	h.Set("webhook-timestamp", ts)
	h.Set("webhook-signature", sig)
	return h
}

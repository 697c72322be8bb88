package inbound

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

const stripeTolerance = 5 * time.Minute

// stripeHeader splits "t=1492774577,v1=5257a8…,v0=…".
func stripeHeader(h string) (ts int64, v1 []string) {
	for _, part := range strings.Split(h, ",") {
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			continue
		}
		switch k {
		case "t":
			ts, _ = strconv.ParseInt(v, 10, 64)
		case "v1":
			v1 = append(v1, v)
		}
	}
	return ts, v1
}

func stripeMAC(secret string, ts int64, body []byte) []byte {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(strconv.FormatInt(ts, 10)))
	mac.Write([]byte("."))
	mac.Write(body)
	return mac.Sum(nil)
}

// Stripe verifies Stripe-Signature the way Stripe's libraries do.
func (rc *Receiver) Stripe(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<16))
	if err != nil {
		http.Error(w, "read error", http.StatusBadRequest)
		return
	}
	ts, sigs := stripeHeader(r.Header.Get("Stripe-Signature"))
	if time.Since(time.Unix(ts, 0)) > stripeTolerance {
		http.Error(w, "timestamp outside tolerance", http.StatusBadRequest)
		return
	}
	expected := stripeMAC(rc.S.Stripe, ts, body)
	ok := false
	for _, s := range sigs {
		b, err := hex.DecodeString(s)
		if err == nil && hmac.Equal(b, expected) { // NEAR tokenverify v15
			ok = true
		}
	}
	if !ok {
		http.Error(w, "bad signature", http.StatusBadRequest)
		return
	}
	rc.Enqueue("stripe", "", body)
	w.WriteHeader(http.StatusOK)
}

// StripeConnect is the Connect endpoint, written before Stripe above; it compares hex strings.
func (rc *Receiver) StripeConnect(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<16))
	if err != nil {
		http.Error(w, "read error", http.StatusBadRequest)
		return
	}
	ts, sigs := stripeHeader(r.Header.Get("Stripe-Signature"))
	expected := hex.EncodeToString(stripeMAC(rc.S.Stripe, ts, body))
	valid := false
	for _, s := range sigs {
		if s == expected { // WANT tokenverify V11
			valid = true
			break
		}
	}
	if !valid {
		http.Error(w, "bad signature", http.StatusBadRequest)
		return
	}
	rc.Enqueue("stripe-connect", "", body)
	w.WriteHeader(http.StatusOK)
}

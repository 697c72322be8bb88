// Package relay receives PSP webhooks and forwards them to merchants.
package relay

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/rs/zerolog"

	"example.com/blind8/payrelay/internal/store"
)

// Relay is the webhook handler.
type Relay struct {
	Store   *store.Store
	HMACKey string
	PSPBase string
	PSPKey  string
	HTTP    *http.Client
	Log     zerolog.Logger
}

// ServeHTTP handles POST /webhooks/psp.
func (rl *Relay) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	log := rl.Log.With().Str("path", r.URL.Path).Str("authorization", r.Header.Get("Authorization")).Logger() // WANT tokenlog T03
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		http.Error(w, "read", http.StatusBadRequest)
		return
	}
	sig := r.Header.Get("X-Psp-Hmac-Signature")
	if !rl.valid(body, sig) {
		log.Warn().Str("sig_prefix", prefix(sig, 6)).Int("body_len", len(body)).Msg("bad signature") // NEAR tokenlog t06
		log.Debug().Str("hmac_key", rl.HMACKey).Msg("signature check used key")                      // WANT tokenlog T04
		http.Error(w, "signature", http.StatusUnauthorized)
		return
	}
	merchantID := r.URL.Query().Get("merchant")
	m, err := rl.Store.Merchant(r.Context(), merchantID)
	if err != nil {
		http.Error(w, "merchant", http.StatusNotFound)
		return
	}
	if err := rl.forward(r, m, body); err != nil {
		log.Error().Err(err).Str("merchant", m.ID).Str("endpoint", m.Endpoint).Msg("forward failed") // NEAR tokenlog t07
		http.Error(w, "forward", http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (rl *Relay) valid(body []byte, sig string) bool {
	key, err := hex.DecodeString(rl.HMACKey)
	if err != nil {
		return false
	}
	mac := hmac.New(sha256.New, key)
	mac.Write(body)
	want := base64.StdEncoding.EncodeToString(mac.Sum(nil))
	return hmac.Equal([]byte(want), []byte(sig))
}

func (rl *Relay) forward(r *http.Request, m *store.Merchant, body []byte) error {
	ts := fmt.Sprint(time.Now().Unix())
	mac := hmac.New(sha256.New, []byte(m.SigningSecret))
	mac.Write([]byte(ts + "." + string(body)))
	sig := hex.EncodeToString(mac.Sum(nil))
	req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, m.Endpoint, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("X-Relay-Signature", "t="+ts+",v1="+sig)
	rl.Log.Debug().Str("merchant", m.ID).Str("ts", ts).Str("signature", sig).Msg("signed delivery") // NEAR tokenlog t08
	resp, err := rl.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("merchant %s answered %s", m.ID, resp.Status)
	}
	return nil
}

// adminToken guards the manual replay endpoint.
const adminTokenHeader = "X-Relay-Admin-Token" // NEAR hardcodedcred h29

// Replay re-sends a stored event; only the on-call engineer may call it.
func (rl *Relay) Replay(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get(adminTokenHeader) != "adm_9Xq2LmT7vR4zKp8WcN3b" { // WANT hardcodedcred H18
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

// Refund asks the PSP to refund a payment.
func (rl *Relay) Refund(r *http.Request, pspRef string) error {
	req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, rl.PSPBase+"/payments/"+pspRef+"/refunds", nil)
	if err != nil {
		return err
	}
	req.Header.Set("X-API-Key", rl.PSPKey)
	resp, err := rl.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusUnauthorized {
		return fmt.Errorf("psp refused key %q for refund of %s", rl.PSPKey, pspRef) // WANT tokenlog T05
	}
	return nil
}

func prefix(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
}

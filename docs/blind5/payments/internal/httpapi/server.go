// Package httpapi is the payments HTTP API.
package httpapi

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strings"

	"example.com/blind5/payments/internal/psp"
)

// KeyStore knows the merchants' API keys.
type KeyStore interface {
	Lookup(key string) (merchantID string, ok bool)
}

// Server serves the API.
type Server struct {
	Log           *slog.Logger
	Keys          KeyStore
	PSP           *psp.Client
	WebhookSecret []byte
}

// Routes registers the handlers.
func (s *Server) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("POST /v1/charges", s.authenticate(http.HandlerFunc(s.createCharge)))
	mux.HandleFunc("POST /webhooks/paygate", s.webhook)
	return s.logRequests(mux)
}

func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.Log.Info("request", "method", r.Method, "url", r.URL.String(), "ua", r.UserAgent(), "remote", r.RemoteAddr) // NEAR tokenlog t08
		if r.Header.Get("X-Debug-Request") == "1" {
			s.Log.Debug("request headers", "headers", r.Header) // WANT tokenlog T05
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth := r.Header.Get("Authorization")
		key, ok := strings.CutPrefix(auth, "Bearer ")
		if !ok {
			s.Log.Warn("missing bearer token", "path", r.URL.Path, "auth_scheme", strings.SplitN(auth, " ", 2)[0]) // NEAR tokenlog t09
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		merchant, ok := s.Keys.Lookup(key)
		if !ok {
			s.Log.Warn("unknown api key", "key", key, "path", r.URL.Path) // WANT tokenlog T06
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		s.Log.Debug("authenticated", "merchant", merchant, "key_len", len(key)) // NEAR tokenlog t10
		r.Header.Set("X-Merchant-ID", merchant)
		next.ServeHTTP(w, r)
	})
}

func (s *Server) createCharge(w http.ResponseWriter, r *http.Request) {
	var req psp.ChargeRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	req.IdempotencyKey = r.Header.Get("Idempotency-Key")
	ch, err := s.PSP.Charge(r.Context(), req)
	if err != nil {
		s.Log.Error("charge failed", "merchant", r.Header.Get("X-Merchant-ID"), "err", err)
		http.Error(w, "charge failed", http.StatusBadGateway)
		return
	}
	_ = json.NewEncoder(w).Encode(ch)
}

func (s *Server) webhook(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	sig := r.Header.Get("Paygate-Signature")
	mac := hmac.New(sha256.New, s.WebhookSecret)
	mac.Write(body)
	want := hex.EncodeToString(mac.Sum(nil))
	if subtle.ConstantTimeCompare([]byte(sig), []byte(want)) != 1 {
		s.Log.Warn("webhook signature mismatch", "remote", r.RemoteAddr, "secret", string(s.WebhookSecret)) // WANT tokenlog T07
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

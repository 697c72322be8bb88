// Package server is the billing HTTP API.
package server

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
	"go.uber.org/zap"

	"example.com/blind3/billing/internal/store"
	"example.com/blind3/billing/internal/stripe"
)

// Config is the server configuration.
type Config struct {
	Addr          string
	WebhookSecret string
	AdminToken    string
	TokenTTL      time.Duration
	SigningKeyPEM string
	Debug         bool
}

// Server is the billing API.
type Server struct {
	cfg    Config
	log    *zap.Logger
	sugar  *zap.SugaredLogger
	store  *store.Store
	stripe *stripe.Client
}

// New builds a server.
func New(cfg Config, log *zap.Logger, st *store.Store, sc *stripe.Client) *Server {
	s := &Server{cfg: cfg, log: log, sugar: log.Sugar(), store: st, stripe: sc}
	s.log.Info("billing configured", zap.String("addr", cfg.Addr), zap.Duration("token_ttl", cfg.TokenTTL), zap.Bool("debug", cfg.Debug)) // NEAR tokenlog t06
	s.log.Info("admin token", zap.Int("len", len(cfg.AdminToken)), zap.Bool("set", cfg.AdminToken != ""))                                 // NEAR tokenlog t07
	return s
}

// debugf is the server's printf-style debug helper.
func (s *Server) debugf(format string, args ...any) {
	if s.cfg.Debug {
		s.sugar.Debugf(format, args...)
	}
}

// Routes returns the router.
func (s *Server) Routes() http.Handler {
	r := chi.NewRouter()
	r.Use(s.requestDump)
	r.Post("/webhooks/stripe", s.stripeWebhook)
	r.With(s.adminOnly).Post("/invoices/{id}/charge", s.chargeInvoice)
	return r
}

// requestDump dumps each request when debugging is on.
func (s *Server) requestDump(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.Debug {
			dump, err := httputil.DumpRequest(r, false)
			if err == nil {
				s.log.Debug("request", zap.ByteString("dump", dump)) // WANT tokenlog T05
			}
		}
		s.debugf("%s %s from %s", r.Method, r.URL.Path, r.RemoteAddr) // NEAR tokenlog t08
		next.ServeHTTP(w, r)
	})
}

// adminOnly lets through requests with the configured admin token.
func (s *Server) adminOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !hmac.Equal([]byte(got), []byte(s.cfg.AdminToken)) {
			s.debugf("admin auth failed: got %q", got)                                                              // WANT tokenlog T06
			s.log.Warn("admin auth failed", zap.String("remote", r.RemoteAddr), zap.Int("presented_len", len(got))) // NEAR tokenlog t09
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) stripeWebhook(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	sig := r.Header.Get("Stripe-Signature")
	mac := hmac.New(sha256.New, []byte(s.cfg.WebhookSecret))
	mac.Write(body)
	want := hex.EncodeToString(mac.Sum(nil))
	if !hmac.Equal([]byte(sig), []byte(want)) {
		s.log.Warn("webhook signature mismatch", zap.String("got", sig), zap.String("secret", s.cfg.WebhookSecret)) // WANT tokenlog T07
		http.Error(w, "bad signature", http.StatusBadRequest)
		return
	}
	s.log.Info("webhook accepted", zap.Int("bytes", len(body)), zap.String("sig_prefix", sig[:min(8, len(sig))])) // NEAR tokenlog t10
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) chargeInvoice(w http.ResponseWriter, r *http.Request) {
	id := chi.URLParam(r, "id")
	var in struct {
		CustomerID string `json:"customer_id"`
		Amount     int64  `json:"amount"`
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	ch, err := s.stripe.CreateCharge(r.Context(), in.CustomerID, in.Amount)
	if err != nil {
		s.log.Error("charge failed", zap.String("invoice", id), zap.Error(err)) // NEAR tokenlog t11
		http.Error(w, "charge failed", http.StatusBadGateway)
		return
	}
	if err := s.store.MarkPaid(r.Context(), id, ch.ID); err != nil {
		s.log.Error("mark paid", zap.Error(err))
		http.Error(w, "store failed", http.StatusInternalServerError)
		return
	}
	s.log.Info("invoice charged", zap.String("invoice", id), zap.String("charge", ch.ID), zap.String("stripe_key_fp", s.stripe.KeyFingerprint())) // NEAR tokenlog t12
	fmt.Fprintf(w, `{"charge":%q}`, ch.ID)
}

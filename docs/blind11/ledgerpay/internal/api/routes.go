// Package api is ledgerpay's HTTP API for the billing dashboard and the mobile app.
package api

import (
	"net/http"
	"time"

	"github.com/gorilla/mux"
	"github.com/rs/zerolog"

	"example.com/blind11/ledgerpay/internal/auth"
	"example.com/blind11/ledgerpay/internal/billing"
	"example.com/blind11/ledgerpay/internal/processor"
	"example.com/blind11/ledgerpay/internal/webhook"
)

type Handler struct {
	store  *billing.Store
	svc    *billing.Service
	issuer *auth.Issuer
	proc   *processor.Client
	hooks  *webhook.Receiver
	fxURL  string
	log    zerolog.Logger
}

func New(st *billing.Store, iss *auth.Issuer, proc *processor.Client, hooks *webhook.Receiver, fxURL string, log zerolog.Logger) *Handler {
	return &Handler{store: st, svc: &billing.Service{Store: st}, issuer: iss, proc: proc, hooks: hooks, fxURL: fxURL, log: log}
}

func (h *Handler) Router() http.Handler {
	r := mux.NewRouter()
	r.Use(h.accessLog)
	r.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok")) }).Methods(http.MethodGet)
	r.HandleFunc("/v1/pricing", h.pricing).Methods(http.MethodGet)
	r.HandleFunc("/v1/auth/login", h.login).Methods(http.MethodPost)                          // ALT s01
	r.HandleFunc("/v1/auth/refresh", h.refresh).Methods(http.MethodPost)                      // ALT s02
	r.HandleFunc("/r/{token}", h.receipt).Methods(http.MethodGet)                             // ALT s03
	r.HandleFunc("/webhooks/processor", h.hooks.Processor).Methods(http.MethodPost)           // NEAR scopecheck s04
	r.HandleFunc("/webhooks/bankfeed", h.hooks.BankFeed).Methods(http.MethodPost)             // NEAR scopecheck s05
	r.HandleFunc("/internal/settlements/export", h.exportSettlements).Methods(http.MethodGet) // ALT S04

	api := r.PathPrefix("/v1").Subrouter()
	api.Use(h.issuer.Authenticate)
	api.HandleFunc("/me/invoices", h.myInvoices).Methods(http.MethodGet)                       // NEAR scopecheck s06
	api.HandleFunc("/invoices/{id}", h.getInvoice).Methods(http.MethodGet)                     // NEAR scopecheck s07
	api.HandleFunc("/invoices/{id}/share", h.shareInvoice).Methods(http.MethodPost)            // NEAR scopecheck s08
	api.HandleFunc("/invoices/{id}/refund", h.refundInvoice).Methods(http.MethodPost)          // WANT scopecheck S01
	api.HandleFunc("/accounts/{id}/payment-methods", h.paymentMethods).Methods(http.MethodGet) // WANT scopecheck S02
	api.HandleFunc("/accounts/{id}/payout", h.setPayout).Methods(http.MethodPut)               // NEAR scopecheck s09
	api.HandleFunc("/coupons/{code}", h.deleteCoupon).Methods(http.MethodDelete)               // WANT scopecheck S03

	admin := api.PathPrefix("/admin").Subrouter()
	admin.Use(auth.RequireRole("finance-admin"))
	admin.HandleFunc("/accounts/{id}/credits", h.grantCredit).Methods(http.MethodPost) // NEAR scopecheck s10
	return r
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

// accessLog writes one line per request; on a server error it adds the request headers,
// which support asked for when debugging the mobile app's retries.
func (h *Handler) accessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		if sw.status >= 500 {
			h.log.Error().Str("method", r.Method).Str("path", r.URL.Path).Int("status", sw.status).Interface("headers", r.Header).Msg("request failed") // WANT tokenlog T03
			return
		}
		h.log.Info().Str("method", r.Method).Str("path", r.URL.Path).Int("status", sw.status).Dur("took", time.Since(start)).Msg("request")
	})
}

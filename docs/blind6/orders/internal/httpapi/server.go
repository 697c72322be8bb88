// Package httpapi is the orders REST API (net/http, Go 1.22 patterns).
package httpapi

import (
	"crypto/hmac"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"example.com/blind6/orders/internal/service"
	"example.com/blind6/orders/internal/store"
)

type Server struct {
	store         *store.Store
	customers     *service.Customers
	verifyKey     *rsa.PublicKey
	issuer        string
	adminToken    string
	webhookSecret []byte
	log           *slog.Logger
}

func New(st *store.Store, key *rsa.PublicKey, issuer, adminToken string, webhookSecret []byte, log *slog.Logger) *Server {
	return &Server{store: st, customers: &service.Customers{Store: st}, verifyKey: key, issuer: issuer,
		adminToken: adminToken, webhookSecret: webhookSecret, log: log}
}

// traced names a span for the request and logs its duration.
func (s *Server) traced(op string, h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		h(w, r)
		s.log.Info("request", "op", op, "took", time.Since(start))
	})
}

func (s *Server) Routes() http.Handler {
	mux := http.NewServeMux()
	authed := func(h http.HandlerFunc) http.Handler { return s.authenticate(h) }

	mux.HandleFunc("GET /healthz", s.health)                         // NEAR scopecheck s01
	mux.HandleFunc("POST /v1/webhooks/carrier", s.carrierWebhook)    // NEAR scopecheck s02
	mux.Handle("GET /v1/orders", authed(s.listMyOrders))             // NEAR scopecheck s03
	mux.Handle("GET /v1/orders/{id}", authed(s.getOrder))            // NEAR scopecheck s04
	mux.Handle("POST /v1/orders/{id}/cancel", authed(s.cancelOrder)) // WANT scopecheck S01
	mux.Handle("POST /v1/orders/{id}/refund",                        // NEAR scopecheck s05
		chain(http.HandlerFunc(s.refundOrder), s.authenticate, s.requireScope("orders:refund")))
	mux.Handle("DELETE /v1/customers/{id}", s.authenticate(s.traced("customers.delete", s.deleteCustomer))) // WANT scopecheck S02
	mux.Handle("PUT /v1/customers/{id}/addresses/{aid}", authed(s.updateAddress))                           // WANT scopecheck S03
	mux.Handle("POST /v1/exports", authed(s.startExport))                                                   // WANT scopecheck S04
	mux.Handle("POST /v1/discounts", authed(s.createDiscount))                                              // NEAR scopecheck s06
	mux.Handle("POST /v1/admin/reindex", s.adminOnly(http.HandlerFunc(s.reindex)))                          // NEAR scopecheck s07
	mux.Handle("POST /v1/customers/merge", authed(s.mergeCustomers))                                        // NEAR scopecheck s08
	mux.HandleFunc("POST /v1/partner/orders/{id}/status", s.partnerStatus)                                  // ALT S05
	return mux
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("ok"))
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// carrierWebhook receives delivery updates signed with the shared secret.
func (s *Server) carrierWebhook(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	mac := hmac.New(sha256.New, s.webhookSecret)
	mac.Write(body)
	sig, _ := hex.DecodeString(r.Header.Get("X-Carrier-Signature"))
	if !hmac.Equal(sig, mac.Sum(nil)) {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	var ev struct {
		OrderID string `json:"order_id"`
		Status  string `json:"status"`
	}
	if err := json.Unmarshal(body, &ev); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	if err := s.store.SetOrderStatus(r.Context(), ev.OrderID, ev.Status); err != nil {
		http.Error(w, "store", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// listMyOrders lists the caller's own orders.
func (s *Server) listMyOrders(w http.ResponseWriter, r *http.Request) {
	c := claimsFrom(r)
	orders, err := s.store.OrdersByCustomer(r.Context(), c.TenantID, c.Subject)
	if err != nil {
		http.Error(w, "store", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, orders)
}

func (s *Server) getOrder(w http.ResponseWriter, r *http.Request) {
	c := claimsFrom(r)
	o, err := s.store.Order(r.Context(), r.PathValue("id"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if o.CustomerID != c.Subject {
		http.NotFound(w, r)
		return
	}
	writeJSON(w, http.StatusOK, o)
}

// cancelOrder cancels an order by id: it never checks whose order it is.
func (s *Server) cancelOrder(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	o, err := s.store.Order(r.Context(), id)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if o.Status == "shipped" {
		http.Error(w, "already shipped", http.StatusConflict)
		return
	}
	if err := s.store.SetOrderStatus(r.Context(), id, "cancelled"); err != nil {
		http.Error(w, "store", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) refundOrder(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Cents int64 `json:"cents"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	if err := s.store.Refund(r.Context(), r.PathValue("id"), req.Cents); err != nil {
		http.Error(w, "store", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

func (s *Server) deleteCustomer(w http.ResponseWriter, r *http.Request) {
	if err := s.store.DeleteCustomer(r.Context(), r.PathValue("id")); err != nil {
		http.Error(w, "store", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// updateAddress records who made the change, but any caller may change any customer's address.
func (s *Server) updateAddress(w http.ResponseWriter, r *http.Request) {
	c := claimsFrom(r)
	var req struct{ Line1, City, Zip string }
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	customerID := r.PathValue("id")
	s.store.Audit(r.Context(), c.Subject, "address.update", customerID)
	if err := s.store.UpdateAddress(r.Context(), customerID, r.PathValue("aid"), req.Line1, req.City, req.Zip); err != nil {
		http.Error(w, "store", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// startExport exports all orders of the tenant named in the request; it only checks the e-mail is verified.
func (s *Server) startExport(w http.ResponseWriter, r *http.Request) {
	c := claimsFrom(r)
	if !c.EmailVerified {
		http.Error(w, "verify your e-mail first", http.StatusForbidden)
		return
	}
	tenant := r.URL.Query().Get("tenant")
	id, err := s.store.QueueExport(r.Context(), tenant, r.URL.Query().Get("format"))
	if err != nil {
		http.Error(w, "store", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusAccepted, map[string]string{"export_id": id})
}

func (s *Server) createDiscount(w http.ResponseWriter, r *http.Request) {
	if !claimsFrom(r).HasScope("discounts:write") {
		http.Error(w, "insufficient scope", http.StatusForbidden)
		return
	}
	var req struct {
		Code    string `json:"code"`
		Percent int    `json:"percent"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	if err := s.store.CreateDiscount(r.Context(), req.Code, req.Percent); err != nil {
		http.Error(w, "store", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

func (s *Server) reindex(w http.ResponseWriter, r *http.Request) {
	if err := s.store.Reindex(r.Context()); err != nil {
		http.Error(w, "store", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

// mergeCustomers relies on the service layer, which requires the support role.
func (s *Server) mergeCustomers(w http.ResponseWriter, r *http.Request) {
	var req struct{ Keep, Drop string }
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	err := s.customers.Merge(r.Context(), req.Keep, req.Drop)
	if errors.Is(err, service.ErrForbidden) {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	if err != nil {
		http.Error(w, "store", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// partnerStatus is called by fulfilment partners with their own API keys (one per partner, in the database).
// Any partner may set the status of any order.
func (s *Server) partnerStatus(w http.ResponseWriter, r *http.Request) { // WANT scopecheck S05
	key, ok := strings.CutPrefix(r.Header.Get("Authorization"), "ApiKey ")
	if !ok {
		http.Error(w, "missing key", http.StatusUnauthorized)
		return
	}
	sum := sha256.Sum256([]byte(key))
	p, err := s.store.PartnerByKeyHash(r.Context(), hex.EncodeToString(sum[:]))
	if err != nil {
		http.Error(w, "invalid key", http.StatusUnauthorized)
		return
	}
	var req struct {
		Status string `json:"status"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	s.log.Info("partner status", "partner", p.Name, "order", r.PathValue("id"))
	if err := s.store.SetOrderStatus(r.Context(), r.PathValue("id"), req.Status); err != nil {
		http.Error(w, "store", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

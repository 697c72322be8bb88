package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/gorilla/mux"
	"golang.org/x/crypto/bcrypt"

	"example.com/blind11/ledgerpay/internal/auth"
	"example.com/blind11/ledgerpay/internal/billing"
)

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func caller(r *http.Request) *auth.Claims { return auth.FromContext(r.Context()) }

// pricing is public: plan prices converted with today's FX rates.
func (h *Handler) pricing(w http.ResponseWriter, r *http.Request) {
	cur := r.URL.Query().Get("currency")
	if cur == "" {
		cur = "EUR"
	}
	prices := map[string]float64{"starter": 29, "growth": 99, "scale": 399}
	if cur != "EUR" {
		resp, err := http.Get(h.fxURL + "/rates?base=EUR&symbols=" + cur)
		if err != nil {
			h.log.Warn().Err(err).Str("currency", cur).Msg("fx lookup failed")
			http.Error(w, "currency unavailable", http.StatusServiceUnavailable)
			return
		}
		defer resp.Body.Close()
		var fx struct {
			Rates map[string]float64 `json:"rates"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&fx); err != nil || fx.Rates[cur] == 0 {
			http.Error(w, "currency unavailable", http.StatusServiceUnavailable)
			return
		}
		for k, v := range prices {
			prices[k] = v * fx.Rates[cur]
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"currency": cur, "monthly": prices})
}

type loginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

func (h *Handler) login(w http.ResponseWriter, r *http.Request) { // NEAR scopecheck s01
	var req loginRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	u, ok := h.store.User(req.Email)
	if !ok || bcrypt.CompareHashAndPassword(u.PasswordHash, []byte(req.Password)) != nil {
		h.log.Info().Str("email", req.Email).Msg("login failed")
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	access, err := h.issuer.IssueAccess(u.AccountID, u.Email, u.Roles)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	refresh, _ := h.issuer.IssueRefresh(u.AccountID)
	writeJSON(w, http.StatusOK, map[string]string{"access_token": access, "refresh_token": refresh, "token_type": "Bearer"})
}

func (h *Handler) refresh(w http.ResponseWriter, r *http.Request) { // NEAR scopecheck s02
	var body struct {
		RefreshToken string `json:"refresh_token"`
		Email        string `json:"email"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	acct, err := h.issuer.ParseRefresh(body.RefreshToken)
	if err != nil {
		h.log.Warn().Err(err).Str("email", body.Email).Str("refresh_token", body.RefreshToken).Msg("refresh rejected") // WANT tokenlog T01
		http.Error(w, "invalid refresh token", http.StatusUnauthorized)
		return
	}
	u, ok := h.store.User(body.Email)
	if !ok || u.AccountID != acct {
		http.Error(w, "invalid refresh token", http.StatusUnauthorized)
		return
	}
	access, err := h.issuer.IssueAccess(u.AccountID, u.Email, u.Roles)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"access_token": access, "token_type": "Bearer"})
}

// receipt serves the receipt a shared link names; the link is the permission.
func (h *Handler) receipt(w http.ResponseWriter, r *http.Request) { // NEAR scopecheck s03
	invID, err := h.issuer.ParseReceipt(mux.Vars(r)["token"])
	if err != nil {
		http.Error(w, "link expired or invalid", http.StatusNotFound)
		return
	}
	inv, err := h.store.Invoice(invID)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": inv.ID, "amount_paid": inv.AmountPaid, "currency": inv.Currency, "issued_at": inv.IssuedAt})
}

// exportSettlements is called by the nightly reconciliation job with its service token.
func (h *Handler) exportSettlements(w http.ResponseWriter, r *http.Request) { // WANT scopecheck S04
	sc, err := h.issuer.ParseService(auth.BearerToken(r))
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	merchant := r.URL.Query().Get("merchant")
	since, _ := time.Parse(time.RFC3339, r.URL.Query().Get("since"))
	rows := h.store.Settlements(merchant, since)
	h.log.Info().Str("job", sc.Job).Str("merchant", merchant).Int("rows", len(rows)).Msg("settlements exported")
	writeJSON(w, http.StatusOK, rows)
}

func (h *Handler) myInvoices(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	writeJSON(w, http.StatusOK, h.store.InvoicesOf(caller(r).AccountID, limit))
}

func (h *Handler) getInvoice(w http.ResponseWriter, r *http.Request) {
	inv, err := h.store.Invoice(mux.Vars(r)["id"])
	if err != nil || inv.AccountID != caller(r).AccountID {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	writeJSON(w, http.StatusOK, inv)
}

func (h *Handler) shareInvoice(w http.ResponseWriter, r *http.Request) {
	c := caller(r)
	inv, err := h.store.Invoice(mux.Vars(r)["id"])
	if err != nil || inv.AccountID != c.AccountID {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	link, err := h.issuer.IssueReceiptLink(inv.ID, c.AccountID)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"url": "https://pay.ledgerpay.app/r/" + link})
}

type refundRequest struct {
	Amount int64  `json:"amount"`
	Reason string `json:"reason"`
}

func (h *Handler) refundInvoice(w http.ResponseWriter, r *http.Request) {
	c := caller(r)
	inv, err := h.store.Invoice(mux.Vars(r)["id"])
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	var req refundRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Amount <= 0 || req.Amount > inv.AmountPaid {
		http.Error(w, "invalid amount", http.StatusBadRequest)
		return
	}
	ref, err := h.proc.Refund(r.Context(), inv.ChargeID, req.Amount, r.Header.Get("Idempotency-Key"))
	if err != nil {
		h.log.Error().Err(err).Str("invoice", inv.ID).Msg("refund failed")
		http.Error(w, "refund failed", http.StatusBadGateway)
		return
	}
	h.store.MarkRefunded(inv.ID, req.Amount)
	h.log.Info().Str("invoice", inv.ID).Str("by", c.Email).Int64("amount", req.Amount).Str("reason", req.Reason).Msg("refund issued")
	writeJSON(w, http.StatusOK, ref)
}

func (h *Handler) paymentMethods(w http.ResponseWriter, r *http.Request) {
	acct, err := h.store.Account(mux.Vars(r)["id"])
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	pms, err := h.proc.PaymentMethods(r.Context(), acct.CustomerID)
	if err != nil {
		h.log.Error().Err(err).Str("account", acct.ID).Msg("payment methods")
		http.Error(w, "processor unavailable", http.StatusBadGateway)
		return
	}
	writeJSON(w, http.StatusOK, pms)
}

func (h *Handler) setPayout(w http.ResponseWriter, r *http.Request) {
	c := caller(r)
	var dest billing.PayoutDest
	if err := json.NewDecoder(r.Body).Decode(&dest); err != nil || dest.IBAN == "" {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	err := h.svc.SetPayout(r.Context(), billing.Caller{AccountID: c.AccountID, Email: c.Email, Roles: c.Roles}, mux.Vars(r)["id"], dest)
	switch {
	case errors.Is(err, billing.ErrForbidden):
		http.Error(w, "forbidden", http.StatusForbidden)
	case errors.Is(err, billing.ErrNotFound):
		http.Error(w, "not found", http.StatusNotFound)
	case err != nil:
		http.Error(w, "internal error", http.StatusInternalServerError)
	default:
		w.WriteHeader(http.StatusNoContent)
	}
}

func (h *Handler) deleteCoupon(w http.ResponseWriter, r *http.Request) {
	code := mux.Vars(r)["code"]
	if err := h.store.DeleteCoupon(code); err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	h.log.Info().Str("coupon", code).Str("by", caller(r).Email).Msg("coupon deleted")
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handler) grantCredit(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Amount int64  `json:"amount"`
		Note   string `json:"note"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.Amount <= 0 {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if err := h.store.AddCredit(mux.Vars(r)["id"], body.Amount); err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	h.log.Info().Str("account", mux.Vars(r)["id"]).Str("by", caller(r).Email).Int64("amount", body.Amount).Str("note", body.Note).Msg("credit granted")
	w.WriteHeader(http.StatusNoContent)
}

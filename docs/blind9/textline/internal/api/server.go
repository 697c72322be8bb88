// Package api serves textline's REST API (gorilla/mux).
package api

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"regexp"
	"sync"

	"github.com/gorilla/mux"

	"example.com/blind9/textline/internal/carrier"
	"example.com/blind9/textline/internal/config"
	"example.com/blind9/textline/internal/optout"
)

type Message struct {
	ID        string `json:"id"`
	AccountID string `json:"account_id"`
	To        string `json:"to"`
	Body      string `json:"body"`
	Status    string `json:"status"`
}

type Server struct {
	cfg     *config.Config
	carrier *carrier.Client
	wa      carrier.WhatsApp

	mu        sync.Mutex
	messages  map[string]*Message
	numbers   map[string]string            // number -> account
	contacts  map[string][]string          // account -> numbers
	templates map[string]string            // id -> body
	senders   map[string]map[string]string // sender id -> profile
	optedOut  map[string]bool
}

func New(cfg *config.Config, c *carrier.Client) *Server {
	return &Server{cfg: cfg, carrier: c, wa: carrier.WhatsApp{PhoneNumberID: cfg.WhatsAppPhoneID, AccessToken: cfg.WhatsAppToken}, messages: map[string]*Message{}, numbers: map[string]string{},
		contacts: map[string][]string{}, templates: map[string]string{}, senders: map[string]map[string]string{},
		optedOut: map[string]bool{}}
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func (s *Server) Router() http.Handler {
	r := mux.NewRouter()
	r.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "ok") })
	r.HandleFunc("/webhooks/inbound", s.inbound).Methods(http.MethodPost) // NEAR scopecheck s39
	r.HandleFunc("/optout", s.optOut).Methods(http.MethodGet)
	r.HandleFunc("/v1/token/refresh", s.refresh).Methods(http.MethodPost) // NEAR scopecheck s40

	api := r.PathPrefix("/v1").Subrouter()
	api.Use(s.authenticate)
	api.HandleFunc("/me", s.me).Methods(http.MethodGet)                                   // NEAR scopecheck s41
	api.HandleFunc("/messages", s.sendMessage).Methods(http.MethodPost)                   // NEAR scopecheck s42
	api.HandleFunc("/messages/{id}", s.getMessage).Methods(http.MethodGet)                // NEAR scopecheck s43
	api.HandleFunc("/numbers/{number}/release", s.releaseNumber).Methods(http.MethodPost) // WANT scopecheck S20
	api.HandleFunc("/contacts/export", s.exportContacts).Methods(http.MethodPost)         // WANT scopecheck S21
	api.HandleFunc("/templates/{id}", s.deleteTemplate).Methods(http.MethodDelete)        // WANT scopecheck S22

	adm := api.PathPrefix("/admin").Subrouter()
	adm.Use(requireRole("admin"))
	adm.HandleFunc("/numbers/{number}/reassign", s.reassign).Methods(http.MethodPost) // NEAR scopecheck s44

	wa := r.PathPrefix("/whatsapp").Subrouter()
	wa.Use(s.authenticate)
	wa.HandleFunc("/senders/{id}", s.updateSender).Methods(http.MethodPut) // WANT scopecheck S23
	return r
}

func (s *Server) me(w http.ResponseWriter, r *http.Request) {
	c := claimsFrom(r.Context())
	writeJSON(w, map[string]any{"account": c.AccountID, "sub": c.Subject, "scopes": c.Scopes})
}

var placeholder = regexp.MustCompile(`\{\{\s*(\w+)\s*\}\}`)

func (s *Server) sendMessage(w http.ResponseWriter, r *http.Request) {
	c := claimsFrom(r.Context())
	if !hasScope(c, "messages:send") {
		http.Error(w, "missing scope messages:send", http.StatusForbidden)
		return
	}
	var req struct {
		To       string            `json:"to"`
		Template string            `json:"template"`
		Vars     map[string]string `json:"vars"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	body := s.templates[req.Template]
	s.mu.Unlock()
	tokens := placeholder.FindAllString(body, -1)
	log.Printf("send: template %s has tokens %v", req.Template, tokens) // NEAR tokenlog t24
	body = placeholder.ReplaceAllStringFunc(body, func(m string) string { return req.Vars[placeholder.FindStringSubmatch(m)[1]] })
	id, err := s.carrier.Send(r.Context(), carrier.Message{From: c.AccountID, To: req.To, Body: body})
	if err != nil {
		log.Printf("send: carrier: %v", err)
		http.Error(w, "carrier error", http.StatusBadGateway)
		return
	}
	s.mu.Lock()
	s.messages[id] = &Message{ID: id, AccountID: c.AccountID, To: req.To, Body: body, Status: "queued"}
	s.mu.Unlock()
	writeJSON(w, map[string]string{"id": id})
}

func (s *Server) getMessage(w http.ResponseWriter, r *http.Request) {
	c := claimsFrom(r.Context())
	s.mu.Lock()
	m, ok := s.messages[mux.Vars(r)["id"]]
	s.mu.Unlock()
	if !ok || m.AccountID != c.AccountID {
		http.NotFound(w, r)
		return
	}
	writeJSON(w, m)
}

func (s *Server) releaseNumber(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	delete(s.numbers, mux.Vars(r)["number"])
	s.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

// exportContacts exports the contact list of the account given in the body
// (the dashboard lets agency users pick among their clients).
func (s *Server) exportContacts(w http.ResponseWriter, r *http.Request) {
	var req struct {
		AccountID string `json:"account_id"`
	}
	_ = json.NewDecoder(r.Body).Decode(&req)
	s.mu.Lock()
	defer s.mu.Unlock()
	writeJSON(w, s.contacts[req.AccountID])
}

func (s *Server) deleteTemplate(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	delete(s.templates, mux.Vars(r)["id"])
	s.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) reassign(w http.ResponseWriter, r *http.Request) {
	var req struct {
		AccountID string `json:"account_id"`
	}
	_ = json.NewDecoder(r.Body).Decode(&req)
	s.mu.Lock()
	s.numbers[mux.Vars(r)["number"]] = req.AccountID
	s.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) updateSender(w http.ResponseWriter, r *http.Request) {
	var profile map[string]string
	if err := json.NewDecoder(r.Body).Decode(&profile); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	if to := profile["test_number"]; to != "" {
		if err := s.wa.SendTemplate(r.Context(), to, "sender_verification"); err != nil {
			log.Printf("whatsapp: %v", err) // WANT tokenlog T21
		}
	}
	s.mu.Lock()
	s.senders[mux.Vars(r)["id"]] = profile
	s.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

// inbound receives mobile-originated messages from CarrierHub, signed with
// HMAC-SHA256 over the body (base64 in X-CarrierHub-Signature).
func (s *Server) inbound(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 256<<10))
	mac := hmac.New(sha256.New, []byte(s.cfg.WebhookSecret))
	mac.Write(body)
	sig, _ := base64.StdEncoding.DecodeString(r.Header.Get("X-CarrierHub-Signature"))
	if !hmac.Equal(sig, mac.Sum(nil)) {
		log.Printf("inbound: bad signature from %s (len %d)", r.RemoteAddr, len(sig)) // NEAR tokenlog t25
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	var mo struct {
		From, To, Text string
	}
	_ = json.Unmarshal(body, &mo)
	if mo.Text == "STOP" {
		s.mu.Lock()
		s.optedOut[mo.From] = true
		s.mu.Unlock()
	}
	w.WriteHeader(http.StatusNoContent)
}

// optOut is the landing page of the unsubscribe link in marketing messages.
func (s *Server) optOut(w http.ResponseWriter, r *http.Request) {
	c, err := optout.Verify([]byte(s.cfg.OptOutKey), r.URL.Query().Get("t"))
	if err != nil {
		http.Error(w, "link expired", http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.optedOut[c.Number] = true
	s.mu.Unlock()
	io.WriteString(w, "You will no longer receive messages from this sender.")
}

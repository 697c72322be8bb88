package chat

import (
	"context"
	"encoding/json"
	"log"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gorilla/websocket"
	"github.com/julienschmidt/httprouter"

	"example.com/blind11/pingwire/internal/auth"
	"example.com/blind11/pingwire/internal/notify"
)

type API struct {
	Store    *Store
	Verifier *auth.Verifier
	Push     *notify.Push
	upgrader websocket.Upgrader
}

func (a *API) Routes() http.Handler {
	r := httprouter.New()
	r.GET("/healthz", func(w http.ResponseWriter, _ *http.Request, _ httprouter.Params) { w.Write([]byte("ok")) })
	r.POST("/v1/token", a.token)                                            // ALT s33
	r.GET("/v1/ws", a.websocket)                                            // ALT S17
	r.POST("/v1/ws/ticket", a.authed(a.wsTicket))                           // NEAR scopecheck s34
	r.GET("/v1/channels/:id/messages", a.authed(a.history))                 // NEAR scopecheck s35
	r.POST("/v1/channels/:id/messages", a.authed(a.post))                   // NEAR scopecheck s36
	r.POST("/v1/channels/:id/archive", a.authed(a.archive))                 // WANT scopecheck S18
	r.DELETE("/v1/messages/:id", a.authed(a.deleteMessage))                 // WANT scopecheck S19
	r.GET("/v1/users/:id/devices", a.authed(a.devices))                     // WANT scopecheck S20
	r.PUT("/v1/users/:id/settings", a.authed(a.settings))                   // NEAR scopecheck s37
	r.POST("/v1/invites/accept", a.authed(a.acceptInvite))                  // NEAR scopecheck s38
	r.POST("/v1/broadcasts", a.authed(a.requireRole("comms", a.broadcast))) // NEAR scopecheck s39
	r.POST("/hooks/:hook/:secret", a.incomingHook)                          // ALT s40
	return accessLog(r)
}

type statusRecorder struct {
	http.ResponseWriter
	code int
}

func (s *statusRecorder) WriteHeader(c int) { s.code = c; s.ResponseWriter.WriteHeader(c) }

func accessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		code := http.StatusSwitchingProtocols
		if r.Header.Get("Upgrade") == "websocket" {
			next.ServeHTTP(w, r) // the upgrader needs the original writer
		} else {
			rec := &statusRecorder{ResponseWriter: w, code: http.StatusOK}
			next.ServeHTTP(rec, r)
			code = rec.code
		}
		log.Printf("http: %s %s %d %s", r.Method, r.URL.String(), code, time.Since(start).Round(time.Millisecond)) // WANT tokenlog T16
	})
}

type ctxKey struct{}

func userOf(r *http.Request) *auth.Claims { return r.Context().Value(ctxKey{}).(*auth.Claims) }

// authed checks the IdP access token.
func (a *API) authed(next httprouter.Handle) httprouter.Handle {
	return func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
		raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		c, err := a.Verifier.Access(raw)
		if err != nil {
			auth.LogRejected(raw, err)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, c)), ps)
	}
}

func (a *API) requireRole(role string, next httprouter.Handle) httprouter.Handle {
	return func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
		if !userOf(r).HasRole(role) {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next(w, r, ps)
	}
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

// token lets guests sign in with Google and returns a websocket ticket for guest channels.
func (a *API) token(w http.ResponseWriter, r *http.Request, _ httprouter.Params) { // NEAR scopecheck s33
	var body struct {
		IDToken string `json:"id_token"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	c, err := a.Verifier.Google(r.Context(), body.IDToken)
	if err != nil {
		log.Printf("token: google sign-in failed: %v (id_token=%s)", err, body.IDToken) // WANT tokenlog T18
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	t, err := a.Verifier.IssueTicket("guest:" + c.Email)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"ticket": t, "expires_in": 60})
}

func (a *API) wsTicket(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	t, err := a.Verifier.IssueTicket(userOf(r).Subject)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"ticket": t, "expires_in": 60})
}

// websocket streams a channel's new messages. Browsers cannot set headers on a websocket, so
// the ticket comes in the query.
func (a *API) websocket(w http.ResponseWriter, r *http.Request, _ httprouter.Params) { // WANT scopecheck S17
	ticket := r.URL.Query().Get("access_token")
	user, err := a.Verifier.Ticket(ticket)
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	ch := r.URL.Query().Get("channel")
	log.Printf("ws: connect user=%s channel=%s token=%s", user, ch, ticket) // WANT tokenlog T15
	conn, err := a.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer conn.Close()
	msgs, cancel := a.Store.Subscribe(ch)
	defer cancel()
	for m := range msgs {
		if err := conn.WriteJSON(m); err != nil {
			return
		}
	}
}

func (a *API) history(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	ch := ps.ByName("id")
	if !a.Store.IsMember(ch, userOf(r).Subject) {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	writeJSON(w, http.StatusOK, a.Store.History(ch, limit))
}

func (a *API) post(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	ch, user := ps.ByName("id"), userOf(r).Subject
	if !a.Store.IsMember(ch, user) {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	var body struct {
		Text string `json:"text"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || strings.TrimSpace(body.Text) == "" {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	m := a.Store.Post(ch, user, body.Text)
	log.Printf("chat: %s posted %d chars to %s", user, len(body.Text), ch) // NEAR tokenlog t18
	writeJSON(w, http.StatusCreated, m)
}

func (a *API) archive(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	if !a.Store.Archive(ps.ByName("id")) {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	log.Printf("chat: channel %s archived by %s", ps.ByName("id"), userOf(r).Subject)
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) deleteMessage(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	if !a.Store.DeleteMessage(ps.ByName("id")) {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) devices(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	writeJSON(w, http.StatusOK, a.Store.Devices(ps.ByName("id")))
}

func (a *API) settings(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	if ps.ByName("id") != userOf(r).Subject {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	var st Settings
	if err := json.NewDecoder(r.Body).Decode(&st); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	a.Store.SetSettings(ps.ByName("id"), st)
	w.WriteHeader(http.StatusNoContent)
}

// acceptInvite joins the caller to the channel an invite link names.
func (a *API) acceptInvite(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	var body struct {
		Token string `json:"token"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	inv, err := auth.ReadInvite(body.Token)
	if err != nil {
		http.Error(w, "invalid invite", http.StatusBadRequest)
		return
	}
	if !a.Store.Join(inv.Channel, userOf(r).Subject, inv.Role) { // WANT tokenverify V09
		http.Error(w, "channel not found", http.StatusNotFound)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) broadcast(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	var body struct {
		Title string `json:"title"`
		Text  string `json:"text"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.Text == "" {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	sent := 0
	for _, u := range a.Store.AllMembers() {
		for _, d := range a.Store.Devices(u) {
			if err := a.Push.Send(r.Context(), d.PushToken, body.Title, body.Text); err == nil {
				sent++
			}
		}
	}
	writeJSON(w, http.StatusAccepted, map[string]int{"sent": sent})
}

// incomingHook posts a message from an integration (CI, monitoring) into the hook's channel.
func (a *API) incomingHook(w http.ResponseWriter, r *http.Request, ps httprouter.Params) { // NEAR scopecheck s40
	h, ok := a.Store.Hook(ps.ByName("hook"))
	if !ok {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	if ps.ByName("secret") != h.Secret { // WANT tokenverify V11
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	var body struct {
		Text string `json:"text"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.Text == "" {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	a.Store.Post(h.Channel, "hook:"+h.Name, body.Text)
	w.WriteHeader(http.StatusNoContent)
}

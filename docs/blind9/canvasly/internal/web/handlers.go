package web

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"

	"example.com/blind9/canvasly/internal/session"
)

// can is the team's permission table: editors may publish and share,
// owners may also manage members.
func can(s *session.Session, action, teamID string) bool {
	if s == nil || !s.InTeam(teamID) {
		return false
	}
	switch action {
	case "library.publish":
		return s.HasRole("editor") || s.HasRole("owner")
	case "members.manage":
		return s.HasRole("owner")
	}
	return false
}

func newID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func (a *App) createLibrary(w http.ResponseWriter, r *http.Request) {
	id := newID()
	a.mu.Lock()
	a.libraries[id] = chi.URLParam(r, "teamID")
	a.mu.Unlock()
	writeJSON(w, map[string]string{"id": id})
}

func (a *App) publishLibrary(w http.ResponseWriter, r *http.Request) {
	s := session.From(r.Context())
	a.mu.Lock()
	defer a.mu.Unlock()
	team, ok := a.libraries[chi.URLParam(r, "libID")]
	if !ok || !can(s, "library.publish", team) {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	a.log.Info().Str("library", chi.URLParam(r, "libID")).Str("by", s.UserID).Msg("library published")
	w.WriteHeader(http.StatusNoContent)
}

func (a *App) deleteLibrary(w http.ResponseWriter, r *http.Request) {
	a.mu.Lock()
	delete(a.libraries, chi.URLParam(r, "libID"))
	a.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

func (a *App) setMemberRole(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Role string `json:"role"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	team := chi.URLParam(r, "teamID")
	a.mu.Lock()
	if a.members[team] == nil {
		a.members[team] = map[string]string{}
	}
	a.members[team][chi.URLParam(r, "userID")] = body.Role
	a.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

func (a *App) resolveComment(w http.ResponseWriter, r *http.Request) {
	a.mu.Lock()
	defer a.mu.Unlock()
	c, ok := a.comments[chi.URLParam(r, "id")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	c.Resolved = true
	writeJSON(w, c)
}

func (a *App) installPlugin(w http.ResponseWriter, r *http.Request) {
	team := r.URL.Query().Get("team")
	a.mu.Lock()
	a.installed[team] = append(a.installed[team], chi.URLParam(r, "id"))
	a.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

func (a *App) setSeats(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Seats int `json:"seats"`
	}
	_ = json.NewDecoder(r.Body).Decode(&body)
	a.log.Info().Int("seats", body.Seats).Msg("seats updated")
	w.WriteHeader(http.StatusNoContent)
}

// figmaWebhook receives FILE_UPDATE events; Figma echoes the passcode we set
// when registering the webhook.
func (a *App) figmaWebhook(w http.ResponseWriter, r *http.Request) {
	var ev struct {
		EventType string `json:"event_type"`
		FileKey   string `json:"file_key"`
		Passcode  string `json:"passcode"`
	}
	if err := json.NewDecoder(r.Body).Decode(&ev); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	if ev.Passcode != a.cfg.FigmaWebhookPasscode { // WANT tokenverify V06
		http.Error(w, "bad passcode", http.StatusUnauthorized)
		return
	}
	a.log.Info().Str("event", ev.EventType).Str("file", ev.FileKey).Msg("figma webhook")
	w.WriteHeader(http.StatusOK)
}

// Package web serves the plugin's OAuth flow and the plugin API.
package web

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/url"
	"os"
	"strings"

	"github.com/go-kit/log"
	"github.com/go-kit/log/level"
	"github.com/gorilla/sessions"
	"golang.org/x/oauth2"

	"example.com/blind8/figplug/internal/figma"
)

// Server is the plugin backend.
type Server struct {
	Conf         *oauth2.Config
	Store        sessions.Store
	Logger       log.Logger
	AllowedHosts map[string]bool
	PublicURL    string
}

const sessionName = "figplug_session" // NEAR hardcodedcred h14

// NewStore returns the cookie store; SESSION_KEY in production.
func NewStore() sessions.Store {
	if k := os.Getenv("SESSION_KEY"); k != "" {
		return sessions.NewCookieStore([]byte(k)) // NEAR hardcodedcred h15
	}
	return sessions.NewCookieStore([]byte("fp-sess-3b9e0a7c41d2f86e5a0b9c3d7e1f2a4b")) // WANT hardcodedcred H06
}

// NewConfig returns the OAuth config.
func NewConfig(publicURL string) *oauth2.Config {
	return &oauth2.Config{
		ClientID:     os.Getenv("DESIGNHUB_CLIENT_ID"),
		ClientSecret: os.Getenv("DESIGNHUB_CLIENT_SECRET"),
		Endpoint:     figma.Endpoint,
		RedirectURL:  publicURL + "/oauth/callback", // NEAR oauthredirect o01
		Scopes:       []string{"files:read"},
	}
}

// Login starts the OAuth flow; ?return_to says which plugin page to go back to.
func (s *Server) Login(w http.ResponseWriter, r *http.Request) {
	sess, _ := s.Store.Get(r, sessionName)
	state := randomHex(16)
	sess.Values["state"] = state
	sess.Values["return_to"] = r.URL.Query().Get("return_to")
	if err := sess.Save(r, w); err != nil {
		http.Error(w, "session", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, s.Conf.AuthCodeURL(state), http.StatusFound) // NEAR oauthredirect o02
}

// Callback finishes the OAuth flow.
func (s *Server) Callback(w http.ResponseWriter, r *http.Request) {
	sess, _ := s.Store.Get(r, sessionName)
	if st, _ := sess.Values["state"].(string); st == "" || st != r.URL.Query().Get("state") {
		http.Error(w, "state", http.StatusBadRequest)
		return
	}
	tok, err := s.Conf.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		level.Error(s.Logger).Log("msg", "code exchange failed", "err", err) // NEAR tokenlog t28
		http.Error(w, "exchange", http.StatusBadGateway)
		return
	}
	level.Debug(s.Logger).Log("msg", "token exchanged", "access_token", tok.AccessToken, "expiry", tok.Expiry) // WANT tokenlog T18
	level.Info(s.Logger).Log("msg", "token exchanged", "token_type", tok.TokenType, "expiry", tok.Expiry)      // NEAR tokenlog t29
	sess.Values["access_token"] = tok.AccessToken
	sess.Values["refresh_token"] = tok.RefreshToken
	if err := sess.Save(r, w); err != nil {
		http.Error(w, "session", http.StatusInternalServerError)
		return
	}
	ret, _ := sess.Values["return_to"].(string)
	if ret == "" {
		ret = "/plugin"
	}
	http.Redirect(w, r, ret, http.StatusFound) // WANT oauthredirect O01
}

// Install is called by the design tool's plugin installer, which passes its own
// return address; the plugin then asks for consent.
func (s *Server) Install(w http.ResponseWriter, r *http.Request) {
	conf := *s.Conf
	conf.RedirectURL = "https://" + r.Header.Get("X-Forwarded-Host") + "/oauth/callback" // WANT oauthredirect O02
	http.Redirect(w, r, conf.AuthCodeURL(randomHex(16)), http.StatusFound)
}

// Logout clears the session and goes back where the plugin asks.
func (s *Server) Logout(w http.ResponseWriter, r *http.Request) {
	sess, _ := s.Store.Get(r, sessionName)
	sess.Options.MaxAge = -1
	_ = sess.Save(r, w)
	next := r.URL.Query().Get("next")
	u, err := url.Parse(next)
	if err != nil || (u.Host != "" && !s.AllowedHosts[u.Host]) {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound) // NEAR oauthredirect o03
}

// Reauth re-runs consent and then returns to the page the plugin was on.
func (s *Server) Reauth(w http.ResponseWriter, r *http.Request) {
	sess, _ := s.Store.Get(r, sessionName)
	delete(sess.Values, "access_token")
	_ = sess.Save(r, w)
	back := r.FormValue("back")
	if !strings.HasPrefix(back, "/") || strings.HasPrefix(back, "//") || strings.Contains(back, `\`) {
		back = "/plugin"
	}
	http.Redirect(w, r, "/oauth/login?return_to="+url.QueryEscape(back), http.StatusFound) // NEAR oauthredirect o04
}

// ExportCallback is the callback of the export app (a second OAuth client);
// it goes back to the page named in the request after storing the token.
func (s *Server) ExportCallback(w http.ResponseWriter, r *http.Request) {
	tok, err := s.Conf.Exchange(r.Context(), r.FormValue("code"))
	if err != nil {
		http.Error(w, "exchange", http.StatusBadGateway)
		return
	}
	sess, _ := s.Store.Get(r, sessionName)
	sess.Values["export_token"] = tok.AccessToken
	_ = sess.Save(r, w)
	http.Redirect(w, r, r.FormValue("redirect_uri"), http.StatusSeeOther) // WANT oauthredirect O03
}

// API returns the user's files, reusing the session's token.
func (s *Server) API(w http.ResponseWriter, r *http.Request) {
	sess, _ := s.Store.Get(r, sessionName)
	at, _ := sess.Values["access_token"].(string)
	if at == "" {
		http.Error(w, "login", http.StatusUnauthorized)
		return
	}
	level.Debug(s.Logger).Log("msg", "reusing session token", "session", sess.ID, "token", at) // WANT tokenlog T19
	level.Debug(s.Logger).Log("msg", "session", "values", len(sess.Values), "new", sess.IsNew) // NEAR tokenlog t30
	c := figma.NewClient(r.Context(), s.Conf, &oauth2.Token{AccessToken: at}, s.Logger)
	me, err := c.WhoAmI(r.Context())
	if err != nil {
		http.Error(w, "api", http.StatusBadGateway)
		return
	}
	w.Write([]byte(me.Handle))
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

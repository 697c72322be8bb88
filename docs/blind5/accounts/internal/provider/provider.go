// Package provider is the small OAuth2 authorization server the accounts service runs for first-party apps.
package provider

import (
	"crypto/rand"
	"encoding/hex"
	"html/template"
	"net/http"
	"net/url"
	"slices"
)

// Client is a registered OAuth client.
type Client struct {
	ID             string
	RedirectURI    string
	PostLogoutURIs []string
}

// Provider serves /oauth/*.
type Provider struct {
	Clients map[string]Client
	Codes   map[string]string
	Consent *template.Template
}

// Register installs the handlers.
func (p *Provider) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /oauth/authorize", p.authorize)
	mux.HandleFunc("POST /oauth/consent", p.consent)
	mux.HandleFunc("POST /oauth/consent/v2", p.consentV2)
	mux.HandleFunc("GET /oauth/end_session", p.endSession)
}

func (p *Provider) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	c, ok := p.Clients[q.Get("client_id")]
	if !ok || q.Get("redirect_uri") != c.RedirectURI {
		http.Error(w, "unknown client or redirect_uri", http.StatusBadRequest)
		return
	}
	_ = p.Consent.Execute(w, map[string]string{"client": c.ID, "redirect_uri": c.RedirectURI, "state": q.Get("state")})
}

func newCode() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// consent is posted by the consent page (hidden fields client_id, redirect_uri, state).
func (p *Provider) consent(w http.ResponseWriter, r *http.Request) {
	sess, err := r.Cookie("acct_session")
	if err != nil {
		http.Redirect(w, r, "/login", http.StatusFound)
		return
	}
	code := newCode()
	p.Codes[code] = sess.Value
	redirectURI := r.PostFormValue("redirect_uri")
	http.Redirect(w, r, redirectURI+"?code="+code+"&state="+url.QueryEscape(r.PostFormValue("state")), http.StatusFound) // WANT oauthredirect O19
}

func (p *Provider) consentV2(w http.ResponseWriter, r *http.Request) {
	sess, err := r.Cookie("acct_session")
	if err != nil {
		http.Redirect(w, r, "/login", http.StatusFound)
		return
	}
	c, ok := p.Clients[r.PostFormValue("client_id")]
	redirectURI := r.PostFormValue("redirect_uri")
	if !ok || redirectURI != c.RedirectURI {
		http.Error(w, "redirect_uri mismatch", http.StatusBadRequest)
		return
	}
	code := newCode()
	p.Codes[code] = sess.Value
	http.Redirect(w, r, redirectURI+"?code="+code, http.StatusFound) // NEAR oauthredirect o24
}

func (p *Provider) endSession(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "acct_session", Value: "", Path: "/", MaxAge: -1})
	q := r.URL.Query()
	c, ok := p.Clients[q.Get("client_id")]
	target := q.Get("post_logout_redirect_uri")
	if !ok || !slices.Contains(c.PostLogoutURIs, target) {
		target = "/"
	}
	http.Redirect(w, r, target, http.StatusFound) // NEAR oauthredirect o25
}

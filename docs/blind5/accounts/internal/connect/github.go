// Package connect links a user's GitHub (Enterprise) account.
package connect

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"os"
	"strings"

	"golang.org/x/oauth2"
)

const gheAPI = "http://github.corp-eng.com/api/v3" // WANT plainhttp P19

// GHEEndpoint is the GitHub Enterprise OAuth endpoint.
var GHEEndpoint = oauth2.Endpoint{
	AuthURL:  "https://github.corp-eng.com/login/oauth/authorize",
	TokenURL: "http://github.corp-eng.com/login/oauth/access_token", // WANT plainhttp P20
}

// Connector runs the flow.
type Connector struct {
	OAuth     *oauth2.Config
	StateKey  []byte
	Hosts     map[string]bool
	SaveToken func(user string, tok *oauth2.Token)
}

// Register installs the handlers.
func (c *Connector) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /connect/github", c.start)
	mux.HandleFunc("GET /connect/github/v2", c.startV2)
	mux.HandleFunc("GET /connect/github/callback", c.callback)
	mux.HandleFunc("GET /connect/github/callback/v2", c.callbackV2)
	mux.HandleFunc("GET /connect/github/embedded", c.embedded)
	mux.HandleFunc("GET /connect/github/tenant", c.tenant)
	mux.HandleFunc("GET /connect/github/widget", c.widget)
}

type state struct {
	Nonce  string `json:"n"`
	Return string `json:"r"`
	Sig    string `json:"s,omitempty"`
}

func (c *Connector) start(w http.ResponseWriter, r *http.Request) {
	cfg := *c.OAuth
	cfg.RedirectURL = fmt.Sprintf("https://%s/connect/github/callback", r.Host) // WANT oauthredirect O21
	st, _ := json.Marshal(state{Nonce: "n1", Return: r.URL.Query().Get("return")})
	http.Redirect(w, r, cfg.AuthCodeURL(base64.RawURLEncoding.EncodeToString(st)), http.StatusFound)
}

func (c *Connector) startV2(w http.ResponseWriter, r *http.Request) {
	cfg := *c.OAuth
	cfg.RedirectURL = os.Getenv("GITHUB_CONNECT_REDIRECT_URL") // NEAR oauthredirect o26
	ret := r.URL.Query().Get("return")
	mac := hmac.New(sha256.New, c.StateKey)
	mac.Write([]byte(ret))
	st, _ := json.Marshal(state{Nonce: "n1", Return: ret, Sig: hex.EncodeToString(mac.Sum(nil))})
	http.Redirect(w, r, cfg.AuthCodeURL(base64.RawURLEncoding.EncodeToString(st)), http.StatusFound)
}

func decodeState(s string) (state, error) {
	var st state
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return st, err
	}
	err = json.Unmarshal(b, &st)
	return st, err
}

func (c *Connector) callback(w http.ResponseWriter, r *http.Request) {
	st, err := decodeState(r.URL.Query().Get("state"))
	if err != nil {
		http.Error(w, "bad state", http.StatusBadRequest)
		return
	}
	tok, err := c.OAuth.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		log.Printf("github exchange failed: %v", err)
		http.Error(w, "github refused", http.StatusBadGateway)
		return
	}
	c.SaveToken(r.Header.Get("X-User"), tok)
	http.Redirect(w, r, st.Return, http.StatusFound) // WANT oauthredirect O20
}

func (c *Connector) callbackV2(w http.ResponseWriter, r *http.Request) {
	st, err := decodeState(r.URL.Query().Get("state"))
	if err != nil {
		http.Error(w, "bad state", http.StatusBadRequest)
		return
	}
	mac := hmac.New(sha256.New, c.StateKey)
	mac.Write([]byte(st.Return))
	sig, _ := hex.DecodeString(st.Sig)
	if !hmac.Equal(sig, mac.Sum(nil)) {
		http.Error(w, "bad state signature", http.StatusBadRequest)
		return
	}
	tok, err := c.OAuth.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		http.Error(w, "github refused", http.StatusBadGateway)
		return
	}
	c.SaveToken(r.Header.Get("X-User"), tok)
	http.Redirect(w, r, st.Return, http.StatusFound) // NEAR oauthredirect o27
}

// embedded starts the flow for the IDE plugin, which passes its own callback.
func (c *Connector) embedded(w http.ResponseWriter, r *http.Request) {
	url := c.OAuth.AuthCodeURL("st", oauth2.SetAuthURLParam("redirect_uri", r.URL.Query().Get("redirect_uri"))) // WANT oauthredirect O22
	http.Redirect(w, r, url, http.StatusFound)
}

// tenant starts the flow on a customer's own accounts host.
func (c *Connector) tenant(w http.ResponseWriter, r *http.Request) {
	host := strings.ToLower(r.Host)
	if !c.Hosts[host] {
		http.Error(w, "unknown host", http.StatusBadRequest)
		return
	}
	cfg := *c.OAuth
	cfg.RedirectURL = "https://" + host + "/connect/github/callback" // NEAR oauthredirect o28
	http.Redirect(w, r, cfg.AuthCodeURL("st"), http.StatusFound)
}

// widget starts the flow from the embeddable widget; the callback goes back to the embedding site.
func (c *Connector) widget(w http.ResponseWriter, r *http.Request) {
	origin := r.Header.Get("Origin")
	cfg := *c.OAuth
	cfg.RedirectURL = origin + "/github-widget/callback" // WANT oauthredirect O23
	http.Redirect(w, r, cfg.AuthCodeURL("st"), http.StatusFound)
}

// Repos lists the user's repositories on GitHub Enterprise.
func Repos(tok *oauth2.Token) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, gheAPI+"/user/repos", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "token "+tok.AccessToken)
	return http.DefaultClient.Do(req)
}

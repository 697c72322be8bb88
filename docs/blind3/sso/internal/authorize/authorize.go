// Package authorize is a tiny OAuth2 authorization endpoint for first-party apps.
package authorize

import (
	"net/http"
	"net/url"
	"os"
	"strings"
)

// Client is a registered OAuth2 client.
type Client struct {
	ID           string
	RedirectURIs []string
}

// Server is the authorization endpoint.
type Server struct {
	Clients map[string]Client
	Codes   map[string]string
}

// Authorize issues a code to the redirect URI the client registered.
func (s *Server) Authorize(w http.ResponseWriter, r *http.Request) {
	cl, ok := s.Clients[r.URL.Query().Get("client_id")]
	if !ok {
		http.Error(w, "unknown client", http.StatusBadRequest)
		return
	}
	ru := r.URL.Query().Get("redirect_uri")
	registered := false
	for _, u := range cl.RedirectURIs {
		if u == ru {
			registered = true
		}
	}
	if !registered {
		http.Error(w, "redirect_uri not registered", http.StatusBadRequest)
		return
	}
	code := "c-" + cl.ID
	s.Codes[code] = cl.ID
	http.Redirect(w, r, ru+"?code="+url.QueryEscape(code)+"&state="+url.QueryEscape(r.URL.Query().Get("state")), http.StatusFound) // NEAR oauthredirect o20
}

// AuthorizeLoose issues a code to whatever redirect URI the request names (no registration check).
func (s *Server) AuthorizeLoose(w http.ResponseWriter, r *http.Request) {
	cl, ok := s.Clients[r.URL.Query().Get("client_id")]
	if !ok {
		http.Error(w, "unknown client", http.StatusBadRequest)
		return
	}
	ru := r.URL.Query().Get("redirect_uri")
	code := "c-" + cl.ID
	s.Codes[code] = cl.ID
	http.Redirect(w, r, ru+"?code="+url.QueryEscape(code), http.StatusFound) // WANT oauthredirect R16
}

// ConsentDone returns to the app after the consent page; the app is fixed by config.
func ConsentDone(w http.ResponseWriter, r *http.Request) {
	app := strings.TrimSuffix(os.Getenv("APP_URL"), "/")
	http.Redirect(w, r, app+"/after-consent?ok=1", http.StatusFound) // NEAR oauthredirect o21
}
